import EaselCore
import Foundation
import Synchronization
import Testing

@testable import EaselSQLite

/// Writes on SQLite are committed in batches: those that arrive while the writer is busy
/// share the next transaction. Every answered create must be stored, and one that fails must
/// fail alone.
@Suite struct GroupCommitTests {
    @Test(arguments: StoreKind.allCases) func manyConcurrentCreatesAreAllStoredAndReadable(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        // Half with an idempotency key, whose row is written after the job's.
        let jobs = try await concurrently(200) { index in
            let claim = index.isMultiple(of: 2) ? IdempotencyClaim(key: "k\(index)", bodyDigest: "d") : nil
            guard case .created(let job) = try await db.jobs.enqueue(db.newJob(), idempotency: claim, queueLimit: .max) else {
                throw StoreFixture.NotCreated()
            }
            return job
        }
        #expect(Set(jobs.map(\.id)).count == 200)
        for job in jobs {
            #expect(try await db.jobs.job(id: job.id, keyID: db.keyID) == job, "the answer is the stored job")
        }
        #expect(try await db.jobs.statusCounts()[.queued] == 200)
    }

    @Test func aFailingCreateIsRolledBackAloneAndTheRestOfItsBatchCommits() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("easel.sqlite").path)
        let keyID = try await APIKeyIssuer(store: database.keys).create(name: "batch").key.id

        // Hold the writer, so that every create below gathers behind it.
        let writer = HeldWriter()
        let holder = Task { try await database.pool.write { _ in writer.holdUntilReleased() } }
        try await waitFor("the writer to be held") { writer.isHeld }

        // Every fourth create names a key that does not exist: its insert breaks a foreign key.
        let creates = Task {
            try await concurrently(40) { index in
                let new = Self.newJob(keyID: index % 4 == 0 ? "key_missing" : keyID)
                return await Result(awaiting: { try await database.jobs.enqueue(new, idempotency: nil, queueLimit: .max) })
            }
        }
        try await waitFor("all 40 creates to wait for the writer") { database.writes.pending == 40 }
        writer.release()
        try await holder.value
        let outcomes = try await creates.value

        var stored: [Job] = []
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(.created(let job)) where index % 4 != 0: stored.append(job)
            case .failure(let error) where index % 4 == 0:
                #expect("\(error)".contains("FOREIGN KEY constraint failed"), "\(error)")
            default: Issue.record("create \(index): \(outcome)")
            }
        }
        #expect(stored.count == 30)
        for job in stored {
            #expect(try await database.jobs.job(id: job.id, keyID: keyID) == job)
        }
        #expect(try await database.jobs.statusCounts() == [.queued: 30])
    }

    @Test func aWriteThatThrowsAfterChangingRowsLeavesNoTraceInItsBatch() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("easel.sqlite").path)
        let writer = HeldWriter()
        let holder = Task { try await database.pool.write { _ in writer.holdUntilReleased() } }
        try await waitFor("the writer to be held") { writer.isHeld }

        // Each write inserts a row; every odd one then throws, after its insert.
        let writes = Task {
            try await concurrently(10) { index in
                await Result(awaiting: {
                    try await database.writes.write { db in
                        try db.execute(
                            sql: "INSERT INTO api_keys (id, name, prefix, secret_hash, created_at) VALUES (?, ?, 'p', ?, 0)",
                            arguments: ["key_\(index)", "write \(index)", "hash \(index)"])
                        if index % 2 == 1 { throw ThrownMidway() }
                        return index
                    }
                })
            }
        }
        try await waitFor("all 10 writes to wait for the writer") { database.writes.pending == 10 }
        writer.release()
        try await holder.value
        for (index, result) in try await writes.value.enumerated() {
            switch result {
            case .success(let value): #expect(index % 2 == 0 && value == index)
            case .failure(let error): #expect(index % 2 == 1 && error is ThrownMidway, "\(index): \(error)")
            }
        }
        let stored = try await database.keys.allKeys().map(\.id).sorted()
        #expect(stored == ["key_0", "key_2", "key_4", "key_6", "key_8"])
    }

    struct ThrownMidway: Error {}

    static func newJob(keyID: String) -> NewJob {
        NewJob(
            keyID: keyID, model: ModelRegistry.seedModelID,
            edit: EditSpec(prompt: "warmer", numImages: 1, imageURLs: ["https://example.com/a.png"], width: 1024, height: 1024),
            engine: "classic", amount: ModelRegistry.seedPrice, maxAttempts: 3)
    }

    private func waitFor(_ what: String, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw WaitedTooLong(what: what) }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}

/// Parks GRDB's writer queue (a thread of its own, not the cooperative pool) until released.
final class HeldWriter: Sendable {
    private let held = Atomic(false)
    private let gate = DispatchSemaphore(value: 0)

    var isHeld: Bool { held.load(ordering: .acquiring) }

    func holdUntilReleased() {
        held.store(true, ordering: .releasing)
        gate.wait()
    }

    func release() { gate.signal() }
}

struct WaitedTooLong: Error, CustomStringConvertible {
    let what: String
    var description: String { "waited too long for \(what)" }
}
