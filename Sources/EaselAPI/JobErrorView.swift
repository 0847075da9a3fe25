/// `error` of a failed job: a stable machine-readable code and a message for people.
public struct JobErrorView: Codable, Sendable, Equatable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
