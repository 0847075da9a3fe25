import EaselCore
import Foundation
import GRDB

/// API keys in the `api_keys` table.
public struct SQLiteAPIKeyStore: APIKeyStore {
    let pool: DatabasePool
    /// Every write, batched with the others (`GroupCommit`).
    let writes: GroupCommit
    let counter: SharedRevocationCounter

    public var revocations: any RevocationCounter { counter }

    public func insert(_ key: APIKey) async throws {
        try await writes.write { db in
            try db.execute(
                sql: "INSERT INTO api_keys (id, name, prefix, secret_hash, webhook_secret, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [key.id, key.name, key.prefix, key.secretHash, key.webhookSecret, Millis.from(key.createdAt)])
        }
    }

    public func activeKey(secretHash: String) async throws -> APIKey? {
        // One indexed SELECT is atomic by itself: no transaction around it. Never the
        // synchronous read, which would park a cooperative thread on the reader pool.
        try await pool.unsafeRead { db in
            // Every request runs this: a cached statement is compiled once per connection.
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM api_keys WHERE secret_hash = ? AND revoked_at IS NULL"),
                arguments: [secretHash]
            ).map(Self.key)
        }
    }

    public func allKeys() async throws -> [APIKey] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_keys ORDER BY created_at, id").map(Self.key)
        }
    }

    public func revoke(id: String) async throws -> KeyRevocation? {
        let now = Millis.now()
        let revocation = try await writes.write { db -> KeyRevocation? in
            try db.execute(
                sql: "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                arguments: [now, id])
            guard db.changesCount > 0 else { return nil }
            let canceled = try SQLRequest<String>(literal: """
                UPDATE jobs SET status = \(JobStatus.canceled), refunded = 1, finished_at = \(now)
                WHERE key_id = \(id) AND status = \(JobStatus.queued)
                RETURNING id
                """).fetchAll(db)
            for jobID in canceled { try Outbox.enqueueCallback(db, jobID: jobID, now: now) }
            try db.execute(literal: """
                UPDATE jobs SET cancel_requested = 1
                WHERE key_id = \(id) AND status = \(JobStatus.running) AND cancel_requested = 0
                """)
            return KeyRevocation(canceledQueued: canceled.count, stoppingRunning: db.changesCount)
        }
        // After the commit: a cache that sees the counter move looks the key up again and
        // finds it revoked.
        if revocation != nil { counter.bump() }
        return revocation
    }

    public func count() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_keys") ?? 0 }
    }

    private static func key(_ row: Row) -> APIKey {
        APIKey(
            id: row["id"], name: row["name"], prefix: row["prefix"], secretHash: row["secret_hash"],
            webhookSecret: row["webhook_secret"], createdAt: Millis.date(row["created_at"]),
            revokedAt: (row["revoked_at"] as Int64?).map(Millis.date))
    }
}
