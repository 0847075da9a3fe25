import EaselCore
import Foundation
import Testing

/// What many API nodes rely on: concurrent creates cannot overshoot the queue limit or make
/// two jobs of one idempotency key, and listings, positions and counts agree.
@Suite struct ConcurrencyAndListingTests {
    @Test(arguments: StoreKind.allCases) func concurrentCreatesRespectTheLimitAndTheKey(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let outcomes = try await withThrowingTaskGroup(of: EnqueueOutcome.self) { group in
            for _ in 0..<20 {
                group.addTask { try await db.jobs.enqueue(db.newJob(), idempotency: nil, queueLimit: 5) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { if case .created = $0 { true } else { false } }.count == 5)
        #expect(outcomes.filter { $0 == .queueFull }.count == 15)

        let claim = IdempotencyClaim(key: "same", bodyDigest: "d")
        let replays = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    switch try await db.jobs.enqueue(db.newJob(), idempotency: claim, queueLimit: .max) {
                    case .created(let job), .replayed(let job): job.id
                    default: nil
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(replays.compactMap { $0 }).count == 1, "one job for one idempotency key: \(replays)")
    }

    @Test(arguments: StoreKind.allCases) func listingsPositionsAndCounts(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        var ids: [String] = []
        for _ in 0..<5 { ids.append(try await db.enqueue(db.newJob()).id) }
        #expect(try await store.claimNext(owner: "w", leaseDuration: .seconds(30))?.id == ids[0])
        #expect(try await store.queuePosition(jobID: ids[0]) == nil, "a running job has no place in the queue")
        #expect(try await store.queuePosition(jobID: ids[1]) == 1)
        #expect(try await store.queuePosition(jobID: ids[4]) == 4)
        #expect(try await store.queueDepth() == 4)
        let counts = try await store.statusCounts()
        #expect(counts[.queued] == 4 && counts[.running] == 1)

        let newest = try await store.jobs(keyID: db.keyID, status: nil, before: nil, limit: 2)
        #expect(newest.map(\.id) == [ids[4], ids[3]])
        let older = try await store.jobs(keyID: db.keyID, status: nil, before: newest.last?.sequence, limit: 10)
        #expect(older.map(\.id) == [ids[2], ids[1], ids[0]])
        #expect(try await store.jobs(keyID: db.keyID, status: .running, before: nil, limit: 10).map(\.id) == [ids[0]])
        #expect(try await store.jobs(keyID: "key_nobody", status: nil, before: nil, limit: 10).isEmpty)
    }
}
