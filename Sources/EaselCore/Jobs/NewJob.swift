/// What the API hands the store to enqueue.
public struct NewJob: Sendable {
    public var keyID: String
    public var model: String
    public var edit: EditSpec
    public var callbackURL: String?
    public var engine: String
    public var amount: Price
    public var maxAttempts: Int

    public init(
        keyID: String, model: String, edit: EditSpec, callbackURL: String? = nil, engine: String, amount: Price,
        maxAttempts: Int
    ) {
        self.keyID = keyID
        self.model = model
        self.edit = edit
        self.callbackURL = callbackURL
        self.engine = engine
        self.amount = amount
        self.maxAttempts = maxAttempts
    }
}
