/// What revoking a key did to its unfinished jobs. A revoked key's owner can no longer see,
/// cancel or be charged for work, so its queued jobs are canceled and refunded at once and
/// its running ones are asked to stop (their workers see it at the next heartbeat).
public struct KeyRevocation: Sendable, Equatable {
    /// Queued jobs canceled and refunded.
    public var canceledQueued: Int
    /// Running jobs whose cancellation was requested.
    public var stoppingRunning: Int

    public init(canceledQueued: Int, stoppingRunning: Int) {
        self.canceledQueued = canceledQueued
        self.stoppingRunning = stoppingRunning
    }
}
