/// One key's request allowance: holds up to `capacity` tokens, refilled at `rate` a second;
/// each request takes one.
struct TokenBucket {
    let capacity: Double
    let rate: Double
    private(set) var tokens: Double
    private(set) var updated: ContinuousClock.Instant

    /// Starts full: a key's first requests are never refused.
    init(capacity: Double, rate: Double, now: ContinuousClock.Instant) {
        self.capacity = capacity
        self.rate = rate
        tokens = capacity
        updated = now
    }

    mutating func take(at now: ContinuousClock.Instant) -> RateDecision {
        refill(at: now)
        let allowed = tokens >= 1
        if allowed { tokens -= 1 }
        return RateDecision(
            allowed: allowed, limit: Int(capacity), remaining: Int(tokens.rounded(.down)),
            resetSeconds: Self.seconds((capacity - tokens) / rate),
            retryAfterSeconds: allowed ? 0 : max(1, Self.seconds((1 - tokens) / rate)))
    }

    /// Whether the bucket is full at `now`, so that forgetting it changes nothing.
    func isFull(at now: ContinuousClock.Instant) -> Bool {
        var copy = self
        copy.refill(at: now)
        return copy.tokens >= capacity
    }

    private mutating func refill(at now: ContinuousClock.Instant) {
        let elapsed = (now - updated).timeInterval
        if elapsed > 0 { tokens = min(capacity, tokens + elapsed * rate) }
        updated = max(updated, now)
    }

    /// Whole seconds, rounded up, as `Retry-After` and `X-RateLimit-Reset` carry them.
    private static func seconds(_ value: Double) -> Int {
        value <= 0 ? 0 : Int(min(value, 86_400 * 365).rounded(.up))
    }
}
