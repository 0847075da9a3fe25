/// Why a job failed (`error` of a failed job): a stable code such as `input_fetch_failed`
/// and a message for people.
public struct JobFailure: Decodable, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String

    public var description: String { "\(code): \(message)" }
}
