import HTTPTypes

/// What the rate limiter said about one request, and the headers that tell the client.
struct RateDecision: Sendable, Equatable {
    let allowed: Bool
    /// Requests a key may make at once (the bucket's size).
    let limit: Int
    /// Requests it may still make at once after this one.
    let remaining: Int
    /// Seconds until the bucket is full again.
    let resetSeconds: Int
    /// Seconds until the next request would be allowed; 0 when this one was.
    let retryAfterSeconds: Int

    func apply(to headers: inout HTTPFields) {
        headers[.xRateLimitLimit] = String(limit)
        headers[.xRateLimitRemaining] = String(remaining)
        headers[.xRateLimitReset] = String(resetSeconds)
        if !allowed { headers[.retryAfter] = String(retryAfterSeconds) }
    }
}
