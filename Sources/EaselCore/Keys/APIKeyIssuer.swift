import Foundation

/// Creates keys and checks presented secrets.
///
/// Secrets are 256 random bits, so a single SHA-256 is enough to make a stolen database
/// useless: there is nothing to guess. A slow password hash (bcrypt, Argon2) would only add
/// milliseconds to every request.
public struct APIKeyIssuer: Sendable {
    public static let secretPrefix = "esk_"

    private let store: any APIKeyStore
    private let cache: APIKeyCache?

    /// - Parameter cache: holds authenticated keys for a few seconds (the server's hot path);
    ///   nil looks every secret up.
    public init(store: any APIKeyStore, cache: APIKeyCache? = nil) {
        self.store = store
        self.cache = cache
    }

    /// Creates and stores a key; the returned secret is shown once and never again.
    public func create(name: String) async throws -> (key: APIKey, secret: String) {
        let secret = Self.secretPrefix + RandomToken.make(bytes: 32)
        let key = APIKey(
            id: "key_" + RandomToken.hex(bytes: 4), name: name,
            prefix: String(secret.prefix(Self.secretPrefix.count + 6)),
            secretHash: Self.hash(secret), webhookSecret: WebhookSigner.makeSecret(), createdAt: Date())
        try await store.insert(key)
        return (key, secret)
    }

    /// The active key for a presented secret, or nil.
    public func authenticate(secret: String) async throws -> APIKey? {
        guard secret.hasPrefix(Self.secretPrefix), secret.utf8.count < 200 else { return nil }
        let hash = Self.hash(secret)
        guard let cache else { return try await store.activeKey(secretHash: hash) }
        return try await cache.key(secretHash: hash) { try await store.activeKey(secretHash: hash) }
    }

    public static func hash(_ secret: String) -> String {
        SHA256Hex.of(Data(secret.utf8))
    }
}
