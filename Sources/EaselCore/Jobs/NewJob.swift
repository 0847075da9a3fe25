import EaselAPI

/// What the API hands the store to enqueue.
public struct NewJob: Sendable {
    public var keyID: String
    public var request: CreateJobRequest
    public var engine: String
    public var amount: Price
    public var maxAttempts: Int

    public init(keyID: String, request: CreateJobRequest, engine: String, amount: Price, maxAttempts: Int) {
        self.keyID = keyID
        self.request = request
        self.engine = engine
        self.amount = amount
        self.maxAttempts = maxAttempts
    }
}
