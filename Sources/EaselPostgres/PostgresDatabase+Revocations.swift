import EaselCore
import Logging
import PostgresNIO

/// Key revocations travel between nodes on a channel of their own, so that API nodes do not
/// receive every job's wake-up: a revoke notifies in its transaction (delivered when it
/// commits), and every listening node bumps its counter, which empties its key cache.
extension PostgresDatabase {
    public static let revocationChannel = "easel_keys"

    /// Bumps `revocations` for every revocation on any node until the task is cancelled or the
    /// connection fails (then it throws: the caller listens again). Bumps it once more when
    /// listening starts, for whatever was revoked while nothing listened.
    public func relayRevocations() async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: Self.revocationChannel) { notifications in
                revocations.bump()
                for try await _ in notifications { revocations.bump() }
            }
        }
    }

    static func notifyRevoked(_ connection: PostgresConnection, keyID: String, logger: Logger) async throws {
        try await connection.query("SELECT pg_notify(\(revocationChannel), \(keyID))", logger: logger)
    }
}
