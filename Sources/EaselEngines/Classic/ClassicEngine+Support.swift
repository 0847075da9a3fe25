import EaselCore
import EaselImaging

extension ClassicEngine {
    /// Checks what the API should already have checked, so a bad call fails clearly
    /// instead of deep inside libvips.
    func validate(_ request: EditRequest) throws {
        guard !request.images.isEmpty else {
            throw EngineError.undecodableInput(field: "image_urls", reason: "no input image was given")
        }
        guard request.images.count <= descriptor.maxInputImages else {
            throw EngineError.tooManyInputs(
                engine: descriptor.id, max: descriptor.maxInputImages, got: request.images.count)
        }
        guard (1...Self.maxOutputSide).contains(request.width),
              (1...Self.maxOutputSide).contains(request.height) else {
            throw EngineError.failure(
                "width, height: \(request.width)×\(request.height) is outside 1…\(Self.maxOutputSide) px")
        }
        // The API allows 4; the variant ladder defines 4 distinct strengths.
        guard (1...4).contains(request.numImages) else {
            throw EngineError.failure("num_images: must be 1…4 (got \(request.numImages))")
        }
        // Bounds the renderer's full-size buffers (vignette mask, CLAHE) well below memory.
        guard request.width * request.height <= Self.maxOutputPixels else {
            throw EngineError.failure(
                "width×height: \(request.width)×\(request.height) is over \(Self.maxOutputPixels) pixels")
        }
    }

    /// Indices of the input images the plan reads: the subject, its references, and every
    /// image for a layout.
    static func usedImages(by plan: EditPlan, given count: Int) -> [Int] {
        if plan.contains(.grid) || plan.contains(.sideBySide) { return Array(0..<count) }
        let references = plan.operations.compactMap(\.reference).filter { $0 < count }
        return [0] + Set(references).sorted()
    }

    /// Decodes the used inputs, shrinking large JPEG and WebP files on load to what the
    /// output size needs. Unused positions hold the subject again, which nothing reads.
    func decode(_ request: EditRequest, images used: [Int], plan: EditPlan) async throws -> [Raster] {
        let atLeast = Self.decodeSize(for: request, plan: plan)
        var decoded: [Raster] = []
        for (index, input) in request.images.enumerated() {
            try Task.checkCancellation()
            if let subject = decoded.first, !used.contains(index) {
                decoded.append(subject)
            } else {
                decoded.append(try await decodeOne(input, limits: limits, atLeast: atLeast))
            }
        }
        return decoded
    }

    /// The size the subject must keep when shrunk on load: the output's, more where the plan
    /// keeps only part of the input (a zoom; a salient crop keeps that much more of its pixels).
    static func decodeSize(for request: EditRequest, plan: EditPlan) -> (width: Int, height: Int) {
        let zoom = max(plan.value(of: .zoom) ?? 1, 1) / (plan.contains(.salientCrop) ? OutputFraming.salientShare : 1)
        return (width: Int(Double(request.width) * zoom), height: Int(Double(request.height) * zoom))
    }

    private func decodeOne(_ input: InputImage, limits: ImagingLimits, atLeast: (width: Int, height: Int)) async throws -> Raster {
        try await EngineImaging.decode(input, limits: limits, atLeast: atLeast, executor: executor, budget: decodeBudget)
    }

    /// Runs an imaging step off the cooperative pool, reporting its failure as the engine's.
    func run<T: Sendable>(_ step: @escaping @Sendable () throws -> T) async throws -> T {
        try await executor.run {
            do {
                return try step()
            } catch let error as ImagingError {
                throw EngineError.failure("classic engine: \(error.message)")
            }
        }
    }
}
