/// One claimed callback, ready to be sent.
public struct CallbackDelivery: Sendable, Equatable {
    public var jobID: String
    public var keyID: String
    public var url: String
    /// `webhook-id`: the same on every retry of this event, so receivers can deduplicate.
    public var webhookID: String
    /// The body, fixed at the first attempt so every retry sends the same bytes; nil before.
    public var payload: String?
    /// Attempts made before this one.
    public var attempts: Int
    /// The key's `whsec_…` signing secret.
    public var signingSecret: String

    public init(jobID: String, keyID: String, url: String, webhookID: String, payload: String?, attempts: Int, signingSecret: String) {
        self.jobID = jobID
        self.keyID = keyID
        self.url = url
        self.webhookID = webhookID
        self.payload = payload
        self.attempts = attempts
        self.signingSecret = signingSecret
    }
}
