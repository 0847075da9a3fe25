import Foundation

/// Where a job's callback stands, as shown on the job.
public struct CallbackState: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Waiting for its first or next attempt.
        case pending
        /// The receiver answered 2xx.
        case delivered
        /// Every attempt of the retry schedule failed.
        case gaveUp = "gave_up"
    }

    public var status: Status
    public var attempts: Int
    public var lastError: String?
    public var nextAttemptAt: Date?
    public var deliveredAt: Date?

    public init(status: Status, attempts: Int, lastError: String? = nil, nextAttemptAt: Date? = nil, deliveredAt: Date? = nil) {
        self.status = status
        self.attempts = attempts
        self.lastError = lastError
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
    }
}
