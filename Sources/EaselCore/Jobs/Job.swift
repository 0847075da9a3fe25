import Foundation

/// A job as stored and shown: its state, outcome and charge. The edit it asks for is read
/// only with a claim (`ClaimedJob`).
public struct Job: Sendable, Equatable {
    public var id: String
    public var keyID: String
    public var model: String
    public var engine: String
    public var callbackURL: String?
    public var status: JobStatus
    public var progress: Double
    /// Claims so far; a claim whose lease expires counts as a failed attempt.
    public var attempts: Int
    public var maxAttempts: Int
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
    /// Charged once, at creation: `price × num_images`.
    public var amount: Price
    public var refunded: Bool
    public var failure: JobFailure?
    public var images: [StoredImage]
    public var notApplied: [String]
    public var actualPrompt: String?
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Insertion order; the queue and listings follow it.
    public var sequence: Int64
    /// A client asked to cancel while the job was running; the worker stops at a safe point.
    public var cancelRequested: Bool
    /// The callback to `callbackURL`, once the job has finished.
    public var callback: CallbackState?

    public init(
        id: String, keyID: String, model: String, engine: String,
        callbackURL: String?, status: JobStatus = .queued, progress: Double = 0,
        attempts: Int = 0, maxAttempts: Int, leaseOwner: String? = nil,
        leaseExpiresAt: Date? = nil, amount: Price, refunded: Bool = false,
        failure: JobFailure? = nil, images: [StoredImage] = [], notApplied: [String] = [],
        actualPrompt: String? = nil, createdAt: Date, startedAt: Date? = nil,
        finishedAt: Date? = nil, sequence: Int64 = 0, cancelRequested: Bool = false,
        callback: CallbackState? = nil
    ) {
        self.id = id
        self.keyID = keyID
        self.model = model
        self.engine = engine
        self.callbackURL = callbackURL
        self.status = status
        self.progress = progress
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.leaseOwner = leaseOwner
        self.leaseExpiresAt = leaseExpiresAt
        self.amount = amount
        self.refunded = refunded
        self.failure = failure
        self.images = images
        self.notApplied = notApplied
        self.actualPrompt = actualPrompt
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.sequence = sequence
        self.cancelRequested = cancelRequested
        self.callback = callback
    }
}
