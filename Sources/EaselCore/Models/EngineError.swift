/// Why an engine could not produce a result. The job fails with `jobErrorCode` and `message`.
public struct EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case undecodableInput
        case inputTooLarge
        case unsupportedPrompt
        case tooManyInputs
        case engineFailure
        case runnerLost
    }

    private let kind: Kind
    public let message: String
    /// Parts of the prompt the engine read but could not apply, kept on the failed job.
    public let notApplied: [String]

    private init(_ kind: Kind, _ message: String, notApplied: [String] = []) {
        self.kind = kind
        self.message = message
        self.notApplied = notApplied
    }

    /// An input image that is not a supported, intact image. `field` is e.g. `image_urls[0]`.
    public static func undecodableInput(field: String, reason: String) -> Self {
        .init(.undecodableInput, "\(field): cannot be decoded as an image (\(reason))")
    }

    /// An input image whose pixel count or dimensions exceed the configured caps.
    public static func inputTooLarge(field: String, reason: String) -> Self {
        .init(.inputTooLarge, "\(field): \(reason)")
    }

    /// A prompt the engine can do nothing with; `message` says what it can do.
    public static func unsupportedPrompt(_ message: String, notApplied: [String] = []) -> Self {
        .init(.unsupportedPrompt, message, notApplied: notApplied)
    }

    public static func tooManyInputs(engine: String, max: Int, got: Int) -> Self {
        .init(.tooManyInputs, "image_urls: engine \(engine) reads at most \(max) images (got \(got))")
    }

    /// Anything else that went wrong inside the engine.
    public static func failure(_ message: String) -> Self {
        .init(.engineFailure, message)
    }

    /// The process doing the edit died or could not be reached. The job is not at fault:
    /// the worker puts it back in the queue (see `requeuesJob`) while the engine restarts.
    public static func runnerLost(_ message: String) -> Self {
        .init(.runnerLost, message)
    }

    /// True when the job should run again rather than fail.
    public var requeuesJob: Bool { kind == .runnerLost }

    /// Stable machine-readable code stored on the failed job.
    public var jobErrorCode: JobErrorCode {
        switch kind {
        case .undecodableInput: .inputUndecodable
        case .inputTooLarge: .inputTooLarge
        case .unsupportedPrompt: .unsupportedPrompt
        case .tooManyInputs: .tooManyInputs
        case .engineFailure: .engineFailed
        case .runnerLost: .runnerLost
        }
    }

    public var description: String { "\(jobErrorCode): \(message)" }
}
