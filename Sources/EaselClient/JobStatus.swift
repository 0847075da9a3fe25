/// A job's `status` as the wire spells it. A struct rather than an enum so that a status this
/// client does not know yet still decodes (and counts as final, as the hosted API's own
/// examples treat everything but 0 and 1).
public struct JobStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let queued = JobStatus(rawValue: 0)
    public static let running = JobStatus(rawValue: 1)
    public static let succeeded = JobStatus(rawValue: 2)
    public static let failed = JobStatus(rawValue: 3)
    public static let canceled = JobStatus(rawValue: 4)

    /// False while the job may still change (queued or running): keep polling.
    public var isFinal: Bool { self != .queued && self != .running }

    public var description: String {
        switch self {
        case .queued: "queued"
        case .running: "running"
        case .succeeded: "succeeded"
        case .failed: "failed"
        case .canceled: "canceled"
        default: "status \(rawValue)"
        }
    }
}
