import HTTPTypes

extension HTTPField.Name {
    // Force-unwrapped constants: the names are literal and valid, checked by every test run.
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplayed = Self("Idempotent-Replayed")!
    static let xRequestID = Self("X-Request-Id")!
    static let xRateLimitLimit = Self("X-RateLimit-Limit")!
    static let xRateLimitRemaining = Self("X-RateLimit-Remaining")!
    static let xRateLimitReset = Self("X-RateLimit-Reset")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

extension HTTPField.Name {
    static let prefer = Self("Prefer")!
    static let preferenceApplied = Self("Preference-Applied")!
}
