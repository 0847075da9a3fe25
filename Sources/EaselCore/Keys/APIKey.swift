import Foundation

/// A stored API key. The secret itself is never stored, only its SHA-256.
public struct APIKey: Sendable, Equatable {
    /// Public identifier, e.g. `key_3f9a0c1d`, used to list and revoke.
    public var id: String
    public var name: String
    /// The first characters of the secret, so an operator can tell keys apart.
    public var prefix: String
    public var secretHash: String
    /// `whsec_…`: signs this key's callbacks. Kept in clear: signing needs it.
    public var webhookSecret: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: String, name: String, prefix: String, secretHash: String, webhookSecret: String, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.secretHash = secretHash
        self.webhookSecret = webhookSecret
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var isActive: Bool { revokedAt == nil }
}
