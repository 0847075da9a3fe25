import EaselCore
import EaselImaging
import Foundation

/// The built-in engine: reads the prompt into an explicit `EditPlan` (see
/// `PromptInterpreter`) and applies it with libvips (see `PlanRenderer`). CPU only,
/// milliseconds, and deterministic: the same request always gives the same bytes.
///
/// Input images 2–4 serve as references (colour transfer, blends, layouts). With
/// `num_images` > 1 the results are graded variants (see `VariantLadder`); the plan's
/// canonical text is always returned as the actual prompt, `prompt_extend` or not;
/// `negative_prompt` constrains the plan (see `NegativePrompt`). What the engine cannot do
/// (generative edits, edits of one region) is listed in `notApplied`, on a failure too.
public struct ClassicEngine: ImageEditEngine {
    public static let id = "classic"
    /// Largest output side accepted; the API's own rule (≤ 2560) is stricter.
    static let maxOutputSide = 16_384
    static let maxOutputPixels = 40_000_000

    public let descriptor = EngineDescriptor(
        id: ClassicEngine.id, summary: ClassicCapabilities.summary, maxInputImages: 4)
    public let limits: ImagingLimits
    let interpreter: PromptInterpreter
    let executor: BlockingExecutor
    let decodeBudget: DecodeBudget
    /// Whether plans that read their input once, in order, stream it from the decoder
    /// (`ClassicEngine+Streaming.swift`); off only to compare the two paths.
    let streamsInput: Bool

    /// - Parameter decodeBudget: shared with the process's other engines, so that their
    ///   decodes together stay within it.
    public init(
        limits: ImagingLimits = .default, executor: BlockingExecutor = .shared,
        decodeBudget: DecodeBudget = DecodeBudget(bytes: DecodeBudget.defaultBytes), streamsInput: Bool = true
    ) {
        self.limits = limits
        self.interpreter = PromptInterpreter()
        self.executor = executor
        self.decodeBudget = decodeBudget
        self.streamsInput = streamsInput
    }

    /// The plan a prompt gives, without touching any image: for previews and `easel edit --plan`.
    public func interpret(_ prompt: String) -> PromptInterpretation {
        interpreter.interpret(prompt)
    }

    /// The plan a request will run (variant 0): prompt, negative prompt and the number of
    /// images given all shape it. Parts dropped for want of an image are in `notApplied`.
    public func plan(for request: EditRequest) -> PromptInterpretation {
        let interpretation = interpreter.interpret(request.prompt)
        let constrained = NegativePrompt(request.negativePrompt, interpreter: interpreter).constrain(interpretation.plan)
        var notApplied = interpretation.notApplied
        let usable = EditPlan(constrained.operations.filter { operation in
            guard let reference = operation.reference, reference >= request.images.count else { return true }
            notApplied.append("\(operation): needs image \(reference + 1), only \(request.images.count) given")
            return false
        })
        return PromptInterpretation(plan: usable, notApplied: notApplied)
    }

    public func edit(
        _ request: EditRequest,
        progress: @escaping @Sendable (EditProgress) -> Void
    ) async throws -> EditResult {
        try validate(request)
        let interpretation = plan(for: request)
        guard !interpretation.plan.isEmpty else {
            // Refused rather than returned unchanged: a job that did nothing is not charged,
            // and what it could not do is on the failed job.
            throw EngineError.unsupportedPrompt(
                ClassicCapabilities.unsupportedPromptMessage(notApplied: interpretation.notApplied),
                notApplied: interpretation.notApplied)
        }
        progress(EditProgress(fraction: 0.05))

        let plan = interpretation.plan
        let used = Self.usedImages(by: plan, given: request.images.count)
        let encoding = EngineImaging.encoding(for: request.outputFormat)
        // Variants scale strengths; the negative prompt's caps hold for every one of them.
        let negative = NegativePrompt(request.negativePrompt, interpreter: interpreter)
        let renderers = (0..<request.numImages).map { variant in
            PlanRenderer(
                plan: negative.constrain(VariantLadder.plan(plan, variant: variant)),
                seed: VariantLadder.seed(
                    explicit: request.seed, prompt: request.prompt, negative: request.negativePrompt, variant: variant))
        }
        let unused = request.images.indices.filter { !used.contains($0) }.map {
            "\(request.images[$0].field): not used by this plan"
        }
        // The plan is always shown: it is what the engine made of the prompt.
        let notApplied = interpretation.notApplied + unused
        if streamsInput, used == [0], Self.streams(plan, request: request),
           let image = try await streamedOutput(
               request, renderer: renderers[0], atLeast: Self.decodeSize(for: request, plan: plan), encoding: encoding) {
            progress(EditProgress(fraction: 1))
            return EditResult(images: [image], notApplied: notApplied, actualPrompt: plan.description)
        }
        let decoded = try await decode(request, images: used, plan: plan)
        progress(EditProgress(fraction: 0.3))

        var images: [OutputImage] = []
        for (variant, renderer) in renderers.enumerated() {
            try Task.checkCancellation()
            let (width, height) = (request.width, request.height)
            let data = try await run {
                try renderer.render(decoded, width: width, height: height).encoded(as: encoding)
            }
            images.append(OutputImage(data: data, width: width, height: height, contentType: encoding.contentType))
            progress(EditProgress(fraction: 0.3 + 0.7 * Double(variant + 1) / Double(request.numImages)))
        }
        return EditResult(images: images, notApplied: notApplied, actualPrompt: plan.description)
    }
}
