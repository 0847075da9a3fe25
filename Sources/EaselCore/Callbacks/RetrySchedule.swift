import Foundation

/// Delays between callback attempts. The default spreads 8 attempts over about 27 hours,
/// as receivers may be down for a day; each delay gets ±20% jitter so that many failed
/// deliveries to one receiver do not retry in lockstep.
public struct RetrySchedule: Sendable, Equatable {
    /// Delay before attempt n+2, for n = 0, 1, …; its count is the number of retries.
    public var delays: [Duration]

    public init(delays: [Duration]) {
        self.delays = delays
    }

    public static let `default` = RetrySchedule(delays: [
        .seconds(5), .seconds(60), .seconds(300), .seconds(1800), .seconds(7200), .seconds(18000), .seconds(72000),
    ])

    /// When to try again after `attempts` failed attempts, or nil to give up. A receiver's
    /// `Retry-After` (seconds) replaces the scheduled delay, up to the schedule's longest
    /// delay, so that a receiver cannot park a delivery for longer than the schedule would.
    public func nextAttempt(
        after attempts: Int, from now: Date, retryAfter: TimeInterval? = nil,
        jitter: Double = Double.random(in: -0.2...0.2)
    ) -> Date? {
        guard attempts >= 1, attempts <= delays.count else { return nil }
        if let retryAfter, let longest = delays.max() {
            return now.addingTimeInterval(min(retryAfter, longest.timeInterval))
        }
        return now.addingTimeInterval(delays[attempts - 1].timeInterval * (1 + jitter))
    }
}
