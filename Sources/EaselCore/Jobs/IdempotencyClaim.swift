/// An `Idempotency-Key` header and a digest of the body it came with.
public struct IdempotencyClaim: Sendable, Equatable {
    public var key: String
    public var bodyDigest: String

    public init(key: String, bodyDigest: String) {
        self.key = key
        self.bodyDigest = bodyDigest
    }

    /// How long a key answers with the same job.
    public static let window: Duration = .seconds(24 * 3600)
}
