import EaselCore
import Foundation
import GRDB
import GRDBSQLite
import PostgresNIO
import Testing

@testable import EaselPostgres
@testable import EaselSQLite

/// A claim runs on the one writer, so its cost is paid by every create waiting behind it.
/// With a key at its limit of running jobs, that cost must not grow with the jobs the key
/// has queued: one client filling the queue would slow every other write. Measured in
/// SQLite's virtual-machine steps (counted by a progress handler on the writer) and in the
/// buffers PostgreSQL's plan touches, neither of which depends on the machine's speed.
@Suite struct ClaimCostTests {
    @Test func sqlitePassesAKeyAtItsLimitWithoutSteppingThroughItsQueue() async throws {
        let few = try await Self.stepsOfClaimPastKeyAtLimit(queuedBehindLimit: 100)
        let many = try await Self.stepsOfClaimPastKeyAtLimit(queuedBehindLimit: 5000)
        #expect(many < few + few / 2, "a claim took \(few) steps past 100 queued jobs and \(many) past 5000")
    }

    @Test func postgresPassesAKeyAtItsLimitWithoutReadingItsQueue() async throws {
        let few = try await Self.buffersOfPostgresClaimPastKeyAtLimit(queuedBehindLimit: 100)
        let many = try await Self.buffersOfPostgresClaimPastKeyAtLimit(queuedBehindLimit: 5000)
        // Fifty times the queue adds a level to each B-tree the claim probes and updates (26
        // against 39 buffers); reading the queue would cost hundreds (231 with the old query).
        #expect(many < 2 * few, "a claim touched \(few) buffers past 100 queued jobs and \(many) past 5000")
    }

    /// As `stepsOfClaimPastKeyAtLimit`, on PostgreSQL: the buffers the claim's plan touched
    /// (`EXPLAIN (ANALYZE, BUFFERS)`, in a transaction rolled back), then the claim itself.
    static func buffersOfPostgresClaimPastKeyAtLimit(queuedBehindLimit: Int) async throws -> Int {
        let db = try await StoreFixture(.postgres)
        defer { db.remove() }
        let database = try #require(db.postgres)
        let b = try await APIKeyIssuer(store: db.keys).create(name: "b").key.id
        let args = try JSONCoding.string(db.newJob().edit)
        var logger = Logger(label: "claim-cost")
        logger.logLevel = .error
        try await database.client.query("""
            INSERT INTO jobs (id, key_id, model, engine, args_json, status, max_attempts, amount_units, amount_scale, created_at)
            SELECT 'a' || i, \(db.keyID), 'm', 'classic', \(args), \(JobStatus.queued), 3, 0, 0, 0
            FROM generate_series(1, \(queuedBehindLimit + 2)) AS i ORDER BY i
            """, logger: logger)
        try await database.client.query("""
            INSERT INTO jobs (id, key_id, model, engine, args_json, status, max_attempts, amount_units, amount_scale, created_at)
            VALUES ('b', \(b), 'm', 'classic', \(args), \(JobStatus.queued), 3, 0, 0, 0)
            """, logger: logger)
        try await database.client.query("ANALYZE jobs", logger: logger)
        for expected in ["a1", "a2"] {
            #expect(try await db.jobs.claimNext(owner: "w", leaseDuration: .seconds(60), perKeyLimit: 2)?.id == expected)
        }
        // The same table state for every run: whether autovacuum has set the visibility map
        // yet decides how many heap pages an index-only probe visits, which is the machine's
        // timing, not the claim's cost.
        try await database.client.query("VACUUM (ANALYZE) jobs", logger: logger)
        let now = Millis.now()
        let claim = PostgresJobStore.queuedClaim(owner: "w", expires: now + 60_000, now: now, perKeyLimit: 2)
        let explained = PostgresQuery(unsafeSQL: "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + claim.sql, binds: claim.binds)
        let plan = try await database.client.withConnection { connection in
            _ = try await connection.query("BEGIN", logger: logger)
            var text = ""
            for try await line in try await connection.query(explained, logger: logger).decode(String.self) { text += line }
            _ = try await connection.query("ROLLBACK", logger: logger)
            return text
        }
        #expect(try await db.jobs.claimNext(owner: "w", leaseDuration: .seconds(60), perKeyLimit: 2)?.id == "b")
        return try Self.sharedBuffers(plan)
    }

    /// The shared buffers hit or read by the plan's top node, which counts its children's.
    static func sharedBuffers(_ explained: String) throws -> Int {
        let plans = try #require(try JSONSerialization.jsonObject(with: Data(explained.utf8)) as? [[String: Any]])
        let top = try #require(plans.first?["Plan"] as? [String: Any])
        return (top["Shared Hit Blocks"] as? Int ?? 0) + (top["Shared Read Blocks"] as? Int ?? 0)
    }

    /// Key A runs two jobs (its limit) and has `queuedBehindLimit` more queued; key B has one
    /// queued job, the newest. Returns the steps of the claim that finds B's.
    static func stepsOfClaimPastKeyAtLimit(queuedBehindLimit: Int) async throws -> Int {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-claim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("easel.sqlite").path)
        let issuer = APIKeyIssuer(store: database.keys)
        let a = try await issuer.create(name: "a").key.id
        let b = try await issuer.create(name: "b").key.id
        let args = try JSONCoding.string(EditSpec(
            prompt: "warmer", numImages: 1, imageURLs: ["https://example.com/a.png"], width: 1024, height: 1024))
        try await database.pool.write { db in
            try db.execute(literal: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(queuedBehindLimit + 2))
                INSERT INTO jobs (id, key_id, model, engine, args_json, status, max_attempts, amount_units, amount_scale, created_at)
                SELECT 'a' || i, \(a), 'm', 'classic', \(args), \(JobStatus.queued), 3, 0, 0, 0 FROM n
                """)
            try db.execute(literal: """
                INSERT INTO jobs (id, key_id, model, engine, args_json, status, max_attempts, amount_units, amount_scale, created_at)
                VALUES ('b', \(b), 'm', 'classic', \(args), \(JobStatus.queued), 3, 0, 0, 0)
                """)
        }
        let store = database.jobs
        for expected in ["a1", "a2"] {
            #expect(try await store.claimNext(owner: "w", leaseDuration: .seconds(60), perKeyLimit: 2)?.id == expected)
        }
        let counter = StepCounter()
        try await database.pool.writeWithoutTransaction { db in counter.install(on: db.sqliteConnection) }
        let claimed = try await store.claimNext(owner: "w", leaseDuration: .seconds(60), perKeyLimit: 2)
        try await database.pool.writeWithoutTransaction { db in counter.remove(from: db.sqliteConnection) }
        #expect(claimed?.id == "b")
        return counter.steps
    }
}

/// Counts a connection's virtual-machine steps, one call of the progress handler per step.
private final class StepCounter: @unchecked Sendable {
    /// Written only on the writer's queue, read after the writes that count are done.
    private(set) var steps = 0

    func install(on connection: OpaquePointer?) {
        sqlite3_progress_handler(connection, 1, { context in
            Unmanaged<StepCounter>.fromOpaque(context!).takeUnretainedValue().steps += 1
            return 0
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    func remove(from connection: OpaquePointer?) {
        sqlite3_progress_handler(connection, 0, nil, nil)
    }
}
