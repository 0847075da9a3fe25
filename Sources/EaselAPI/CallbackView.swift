/// `callback` of a finished job that has a `callback_url`: how its delivery is going.
public struct CallbackView: Codable, Sendable, Equatable {
    /// `pending`, `delivered` or `gave_up`.
    public var status: String
    public var attempts: Int
    public var lastError: String?
    public var nextAttemptAt: String?
    public var deliveredAt: String?

    public init(status: String, attempts: Int, lastError: String?, nextAttemptAt: String?, deliveredAt: String?) {
        self.status = status
        self.attempts = attempts
        self.lastError = lastError
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
    }

    enum CodingKeys: String, CodingKey {
        case status, attempts
        case lastError = "last_error"
        case nextAttemptAt = "next_attempt_at"
        case deliveredAt = "delivered_at"
    }
}
