/// Job status as the hosted API numbers it. Clients treat 0 and 1 as "keep polling" and
/// anything else as terminal, so new states must not be added in between.
public enum JobStatus: Int, Sendable, Codable, CaseIterable {
    case queued = 0
    case running = 1
    case succeeded = 2
    case failed = 3
    case canceled = 4

    public var isTerminal: Bool { self.rawValue >= 2 }

    /// A status as people write it in filters: its number (`2`) or its name (`succeeded`).
    public init?(parsing text: String) {
        if let number = Int(text), let status = JobStatus(rawValue: number) {
            self = status
        } else if let status = JobStatus.allCases.first(where: { $0.name == text }) {
            self = status
        } else {
            return nil
        }
    }

    public var name: String {
        switch self {
        case .queued: "queued"
        case .running: "running"
        case .succeeded: "succeeded"
        case .failed: "failed"
        case .canceled: "canceled"
        }
    }
}
