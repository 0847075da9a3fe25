import Synchronization

/// A token bucket per API key, in this process's memory: with several API nodes each node
/// allows the full rate (docs/OPERATIONS.md).
final class RateLimiter: Sendable {
    let requestsPerSecond: Double
    let burst: Int
    /// Buckets kept before full ones are forgotten (a full bucket is the same as none).
    private let pruneAbove: Int
    private let buckets = Mutex<[String: TokenBucket]>([:])

    init(requestsPerSecond: Double, burst: Int, pruneAbove: Int = 10_000) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
        self.pruneAbove = pruneAbove
    }

    /// Takes one request from `keyID`'s bucket.
    func take(keyID: String) -> RateDecision {
        let now = ContinuousClock.now
        return buckets.withLock { buckets in
            if buckets.count > pruneAbove {
                buckets = buckets.filter { !$0.value.isFull(at: now) }
            }
            var bucket = buckets[keyID]
                ?? TokenBucket(capacity: Double(burst), rate: requestsPerSecond, now: now)
            let decision = bucket.take(at: now)
            buckets[keyID] = bucket
            return decision
        }
    }
}
