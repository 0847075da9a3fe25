/// Why a job failed: a stable code and a message for people.
public struct JobFailure: Sendable, Equatable, Error {
    public var code: JobErrorCode
    public var message: String

    public init(code: JobErrorCode, message: String) {
        self.code = code
        self.message = message
    }

    /// An input URL that could not be fetched; `field` is e.g. `image_urls[0]`.
    public static func inputFetchFailed(field: String, _ reason: String) -> Self {
        .init(code: .inputFetchFailed, message: "\(field): \(reason)")
    }

    public init(_ error: EngineError) {
        self.init(code: error.jobErrorCode, message: error.message)
    }
}
