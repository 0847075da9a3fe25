import EaselAPI
import EaselCore
import EaselImaging
import Foundation

/// The built-in engine: reads the prompt into an `EditPlan` of global colour and tone
/// edits and applies it with libvips. CPU only, milliseconds, and deterministic: the same
/// request always gives the same bytes.
///
/// This version edits the first input image; further images (up to 4) are accepted and
/// reported in `notApplied`. All `numImages` results are the same image, since the edit
/// has no randomness to vary (a seed-driven variation may come later).
public struct ClassicEngine: ImageEditEngine {
    public static let id = "classic"
    /// Largest output side accepted; the API's own rule (≤ 2560) is stricter.
    static let maxOutputSide = 16_384

    public let descriptor = EngineDescriptor(
        id: ClassicEngine.id, summary: ClassicCapabilities.summary, maxInputImages: 4)
    public let limits: ImagingLimits
    private let interpreter: PromptInterpreter
    let executor: BlockingExecutor

    public init(limits: ImagingLimits = .default, executor: BlockingExecutor = .shared) {
        self.limits = limits
        self.interpreter = PromptInterpreter()
        self.executor = executor
    }

    /// The plan a prompt gives, without touching any image: for previews and `easel edit --plan`.
    public func interpret(_ prompt: String) -> PromptInterpretation {
        interpreter.interpret(prompt)
    }

    public func edit(
        _ request: EditRequest,
        progress: @escaping @Sendable (EditProgress) -> Void
    ) async throws -> EditResult {
        let first = try validate(request)
        let interpretation = interpreter.interpret(request.prompt)
        guard !interpretation.plan.isEmpty else {
            throw EngineError.unsupportedPrompt(
                ClassicCapabilities.unsupportedPromptMessage(notApplied: interpretation.notApplied))
        }
        progress(EditProgress(fraction: 0.05))

        try Task.checkCancellation()
        let limits = limits
        let decoded = try await executor.run { () throws -> Raster in
            do {
                return try Raster.decode(first.data, limits: limits)
            } catch {
                throw Self.inputError(error, field: first.field)
            }
        }
        progress(EditProgress(fraction: 0.3))

        try Task.checkCancellation()
        let (width, height) = (request.width, request.height)
        let adjustment = interpretation.plan.labAdjustment
        let edited = try await run {
            try decoded.resized(width: width, height: height, mode: .cover).adjustedInLab(adjustment)
        }
        progress(EditProgress(fraction: 0.7))

        try Task.checkCancellation()
        let encoding = Self.encoding(for: request.outputFormat)
        let data = try await run { try edited.encoded(as: encoding) }
        progress(EditProgress(fraction: 1))

        let image = OutputImage(data: data, width: width, height: height, contentType: encoding.contentType)
        return EditResult(
            images: Array(repeating: image, count: request.numImages),
            notApplied: interpretation.notApplied + Self.ignoredParts(of: request))
    }
}
