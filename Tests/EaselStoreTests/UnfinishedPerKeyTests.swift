import EaselCore
import Foundation
import Testing

/// `perKeyLimit` of enqueue: a key's queued and running jobs, counted in the database in the
/// create's own transaction, so concurrent creates (on any node) cannot overshoot it.
@Suite struct UnfinishedPerKeyTests {
    @Test(arguments: StoreKind.allCases) func aKeyAtItsLimitCreatesNothingUntilAJobFinishes(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let other = try await APIKeyIssuer(store: db.keys).create(name: "other").key.id
        let claim = IdempotencyClaim(key: "k1", bodyDigest: "d1")
        guard case .created(let first) = try await store.enqueue(db.newJob(), idempotency: claim, queueLimit: .max, perKeyLimit: 2) else {
            Issue.record("the first create stores a job")
            return
        }
        let second = try await db.enqueue(db.newJob())
        // Running jobs count as much as queued ones.
        #expect(try await store.claimNext(owner: "w", leaseDuration: .seconds(30))?.id == first.id)
        #expect(try await store.enqueue(db.newJob(), idempotency: nil, queueLimit: .max, perKeyLimit: 2) == .keyAtLimit)
        // A retry of an accepted request still gets its job; another key is not held back.
        #expect(try await store.enqueue(db.newJob(), idempotency: claim, queueLimit: .max, perKeyLimit: 2) == .replayed(
            try #require(try await store.job(id: first.id, keyID: nil))))
        guard case .created = try await store.enqueue(db.newJob(keyID: other), idempotency: nil, queueLimit: .max, perKeyLimit: 2) else {
            Issue.record("another key's create is not counted against this one")
            return
        }
        // A finished job (failed, canceled) frees its place.
        #expect(try await store.fail(jobID: first.id, owner: "w", failure: JobFailure(code: .engineFailed, message: "done")))
        guard case .created = try await store.enqueue(db.newJob(), idempotency: nil, queueLimit: .max, perKeyLimit: 2) else {
            Issue.record("a finished job frees its place")
            return
        }
        #expect(try await store.enqueue(db.newJob(), idempotency: nil, queueLimit: .max, perKeyLimit: 2) == .keyAtLimit)
        _ = try await store.cancel(jobID: second.id, keyID: db.keyID)
        guard case .created = try await store.enqueue(db.newJob(), idempotency: nil, queueLimit: .max, perKeyLimit: 2) else {
            Issue.record("a canceled job frees its place")
            return
        }
    }

    @Test(arguments: StoreKind.allCases) func concurrentCreatesCannotOvershootTheLimit(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let outcomes = try await withThrowingTaskGroup(of: EnqueueOutcome.self) { group in
            for _ in 0..<30 {
                group.addTask { try await db.jobs.enqueue(db.newJob(), idempotency: nil, queueLimit: .max, perKeyLimit: 5) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { if case .created = $0 { true } else { false } }.count == 5)
        #expect(outcomes.filter { $0 == .keyAtLimit }.count == 25)
        #expect(try await db.jobs.statusCounts()[.queued] == 5)
    }
}
