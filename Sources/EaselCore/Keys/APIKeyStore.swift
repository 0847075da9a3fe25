/// Storage of API keys.
public protocol APIKeyStore: Sendable {
    func insert(_ key: APIKey) async throws
    /// The active (not revoked) key with this secret hash.
    func activeKey(secretHash: String) async throws -> APIKey?
    func allKeys() async throws -> [APIKey]
    /// Revokes the key and, in the same transaction, cancels its queued jobs (refunded) and
    /// requests the cancellation of its running ones; nil when no active key has this id.
    func revoke(id: String) async throws -> KeyRevocation?
    /// Moves after every revocation this process can see, whoever made it, so that
    /// `APIKeyCache` drops the keys it holds.
    var revocations: any RevocationCounter { get }
}
