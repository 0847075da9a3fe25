/// Why a job failed: a stable code and a message for people.
public struct JobFailure: Sendable, Equatable, Error {
    public var code: JobErrorCode
    public var message: String
    /// Parts of the prompt the engine could not apply: shown on the failed job as on a done one.
    public var notApplied: [String]

    public init(code: JobErrorCode, message: String, notApplied: [String] = []) {
        self.code = code
        self.message = message
        self.notApplied = notApplied
    }

    /// An input URL that could not be fetched; `field` is e.g. `image_urls[0]`.
    public static func inputFetchFailed(field: String, _ reason: String) -> Self {
        .init(code: .inputFetchFailed, message: "\(field): \(reason)")
    }

    public init(_ error: EngineError) {
        self.init(code: error.jobErrorCode, message: error.message, notApplied: error.notApplied)
    }
}
