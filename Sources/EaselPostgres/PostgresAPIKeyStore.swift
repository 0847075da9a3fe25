import EaselCore
import Logging
import PostgresNIO

/// API keys in the `api_keys` table.
public struct PostgresAPIKeyStore: APIKeyStore {
    let client: GuardedClient
    let counter: LocalRevocationCounter
    let logger: Logger

    public var revocations: any RevocationCounter { counter }

    public func insert(_ key: APIKey) async throws {
        try await client.query("""
            INSERT INTO api_keys (id, name, prefix, secret_hash, webhook_secret, created_at)
            VALUES (\(key.id), \(key.name), \(key.prefix), \(key.secretHash), \(key.webhookSecret), \(Millis.from(key.createdAt)))
            """, logger: logger)
    }

    public func activeKey(secretHash: String) async throws -> APIKey? {
        try await Self.keys(client.query(
            "SELECT \(unescaped: Self.columns) FROM api_keys WHERE secret_hash = \(secretHash) AND revoked_at IS NULL",
            logger: logger)).first
    }

    public func allKeys() async throws -> [APIKey] {
        try await Self.keys(client.query("SELECT \(unescaped: Self.columns) FROM api_keys ORDER BY created_at, id", logger: logger))
    }

    public func revoke(id: String) async throws -> KeyRevocation? {
        let now = Millis.now()
        let revocation = try await client.withTransaction(logger: logger) { connection -> KeyRevocation? in
            let revoked = try await connection.query(
                "UPDATE api_keys SET revoked_at = \(now) WHERE id = \(id) AND revoked_at IS NULL RETURNING id", logger: logger)
            guard try await revoked.collect().count > 0 else { return nil }
            try await PostgresDatabase.notifyRevoked(connection, keyID: id, logger: logger)
            var canceled = 0
            for try await jobID in try await connection.query("""
                UPDATE jobs SET status = \(JobStatus.canceled), refunded = TRUE, finished_at = \(now)
                WHERE key_id = \(id) AND status = \(JobStatus.queued)
                RETURNING id
                """, logger: logger).decode(String.self) {
                try await PostgresOutbox.enqueueCallback(connection, jobID: jobID, now: now, logger: logger)
                canceled += 1
            }
            let stopping = try await connection.query("""
                UPDATE jobs SET cancel_requested = TRUE
                WHERE key_id = \(id) AND status = \(JobStatus.running) AND NOT cancel_requested
                RETURNING id
                """, logger: logger).decode(String.self).all()
            for jobID in stopping {
                try await PostgresDatabase.notify(connection, .cancelRequested(jobID: jobID), logger: logger)
            }
            return KeyRevocation(canceledQueued: canceled, stoppingRunning: stopping.count)
        }
        // This node's cache at once; other nodes' when the notification reaches them.
        if revocation != nil { counter.bump() }
        return revocation
    }

    public func count() async throws -> Int {
        var total = 0
        for try await value in try await client.query("SELECT COUNT(*) FROM api_keys", logger: logger).decode(Int.self) {
            total = value
        }
        return total
    }

    private static let columns = "id, name, prefix, secret_hash, webhook_secret, created_at, revoked_at"

    private static func keys(_ rows: PostgresRowSequence) async throws -> [APIKey] {
        var keys: [APIKey] = []
        for try await (id, name, prefix, hash, secret, created, revoked) in rows.decode(
            (String, String, String, String, String, Int64, Int64?).self) {
            keys.append(APIKey(
                id: id, name: name, prefix: prefix, secretHash: hash, webhookSecret: secret,
                createdAt: Millis.date(created), revokedAt: revoked.map(Millis.date)))
        }
        return keys
    }
}
