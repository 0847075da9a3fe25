import EaselCore
import Foundation
import GRDB
import Testing

@testable import EaselSQLite

/// On SQLite the queue limit and the cap per key read `job_counts`, which triggers keep in
/// step with `jobs`. Through every change of status the stores make, the kept counts must be
/// the counted ones.
@Suite struct JobCountsTests {
    @Test func keptCountsFollowEveryChangeOfStatus() async throws {
        let db = try await StoreFixture(.sqlite)
        defer { db.remove() }
        let directory = try #require(db.directory)
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("easel.sqlite").path)
        let store = database.jobs
        let other = try await APIKeyIssuer(store: database.keys).create(name: "other").key.id
        var ids: [String] = []
        for index in 0..<8 { ids.append(try await db.enqueue(db.newJob(keyID: index < 5 ? db.keyID : other)).id) }
        try await Self.expectKeptCountsMatch(database, "after creates")

        var claimed: [String] = []
        for _ in 0..<6 {
            claimed.append(try #require(try await store.claimNext(owner: "w", leaseDuration: .seconds(30), perKeyLimit: .max)).id)
        }
        try await Self.expectKeptCountsMatch(database, "after claims")
        #expect(try await store.fail(jobID: claimed[0], owner: "w", failure: JobFailure(code: .engineFailed, message: "no")))
        #expect(try await store.complete(jobID: claimed[1], owner: "w", outcome: JobOutcome(images: [])))
        #expect(try await store.release(jobID: claimed[2], owner: "w"))
        #expect(try await store.requeue(jobID: claimed[3], owner: "w"))
        if case .requested = try await store.cancel(jobID: claimed[4], keyID: nil) {
            #expect(try await store.finishCanceled(jobID: claimed[4], owner: "w"))
        } else {
            Issue.record("a running job's cancel is requested")
        }
        _ = try await store.cancel(jobID: ids[7], keyID: nil)
        try await Self.expectKeptCountsMatch(database, "after outcomes and cancels")
        #expect(try await database.keys.revoke(id: other) != nil)
        try await Self.expectKeptCountsMatch(database, "after a revocation")

        let waiting = try await store.queueDepth()
        #expect(waiting == (try await store.statusCounts())[.queued] ?? 0)
    }

    static func expectKeptCountsMatch(_ database: SQLiteDatabase, _ when: String) async throws {
        let (kept, counted) = try await database.pool.read { db in
            (try Row.fetchAll(db, sql: "SELECT status, key_id, jobs FROM job_counts WHERE jobs != 0 ORDER BY 1, 2")
                .map { "\($0[0] as Int) \($0[1] as String) \($0[2] as Int)" },
             try Row.fetchAll(db, sql: "SELECT status, key_id, COUNT(*) FROM jobs GROUP BY 1, 2 ORDER BY 1, 2")
                .map { "\($0[0] as Int) \($0[1] as String) \($0[2] as Int)" })
        }
        #expect(kept == counted, "\(when)")
    }
}
