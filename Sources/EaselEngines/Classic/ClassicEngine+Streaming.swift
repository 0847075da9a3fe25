import EaselCore
import EaselImaging

extension ClassicEngine {
    /// Kinds whose operations read the picture once, in order: point operations, local
    /// filters, crops, scaling and plain borders (local contrast keeps its own copy). A plan
    /// of only these, on one input, for one output, can stream that input from the decoder
    /// to the encoder instead of decoding it whole first. Rotation, vertical flips, salient
    /// crops, blurred borders, measured corrections, styles, references and layouts read out
    /// of order or twice.
    static let streamableKinds: Set<EditKind> = [
        .flipHorizontal, .zoom, .aspect, .pad, .whiteBorder, .blackBorder,
        .brightness, .gamma, .contrast, .highlights, .shadows, .clarity, .fade,
        .saturation, .vibrance, .temperature, .tint, .hue, .monochrome, .sepia, .duotone, .splitTone,
        .sharpness, .vignette, .grain,
    ]

    static func streams(_ plan: EditPlan, request: EditRequest) -> Bool {
        request.numImages == 1 && !ToneRecipe(plan: plan).needsMeasurements
            && plan.operations.allSatisfy { streamableKinds.contains($0.kind) }
    }

    /// The one output of `renderer` with the subject streamed (see
    /// `Raster.withStreamingDecode`), or nil when the input cannot stream (an EXIF
    /// orientation) or the stream failed: the caller then takes the whole-decode path, which
    /// reports a damaged input as the input's error.
    func streamedOutput(
        _ request: EditRequest, renderer: PlanRenderer, atLeast: (width: Int, height: Int), encoding: ImageEncoding
    ) async throws -> OutputImage? {
        let input = request.images[0]
        let limits = limits
        let (width, height) = (request.width, request.height)
        let cost = try await EngineImaging.decodeCost(input, limits: limits, executor: executor)
        let data = try await decodeBudget.withReservation(cost) {
            try await executor.run {
                try? Raster.withStreamingDecode(input.data, limits: limits, atLeast: atLeast) { subject throws(ImagingError) in
                    try renderer.render([subject], width: width, height: height).encoded(as: encoding)
                }
            }
        }
        return data.map { OutputImage(data: $0, width: width, height: height, contentType: encoding.contentType) }
    }
}
