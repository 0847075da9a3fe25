/// Why a job failed: a stable code (`input_fetch_failed`, `unsupported_prompt`, …) and a
/// message for people.
public struct JobFailure: Sendable, Equatable, Error {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// An input URL that could not be fetched; `field` is e.g. `image_urls[0]`.
    public static func inputFetchFailed(field: String, _ reason: String) -> Self {
        .init(code: inputFetchFailedCode, message: "\(field): \(reason)")
    }

    public static let inputFetchFailedCode = "input_fetch_failed"

    public init(_ error: EngineError) {
        self.init(code: error.jobErrorCode, message: error.message)
    }
}
