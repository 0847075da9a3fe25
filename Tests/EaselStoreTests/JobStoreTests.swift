import EaselCore
import EaselSQLite
import Foundation
import Testing

@Suite struct JobStoreTests {
    let image = StoredImage(name: "t.png", width: 1024, height: 1024, contentType: "image/png", byteCount: 10)

    @Test(arguments: StoreKind.allCases) func enqueueThenClaimInOrder(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let first = try await db.enqueue(db.newJob())
        let second = try await db.enqueue(db.newJob(numImages: 2))
        #expect(second.amount.description == "0.052")
        #expect(try await store.queueDepth() == 2)

        let claimed = try #require(try await store.claimNext(owner: "w1", leaseDuration: .seconds(30)))
        #expect(claimed.id == first.id)
        #expect(claimed.status == .running)
        #expect(claimed.attempts == 1)
        #expect(claimed.leaseOwner == "w1")
        #expect(claimed.startedAt != nil)
        // Claims load the edit; reads for display leave it (and its data: URLs) out.
        #expect(claimed.edit.prompt == "warmer")
        #expect(claimed.edit.imageURLs == ["https://example.com/a.png"])
        let next = try #require(try await store.claimNext(owner: "w2", leaseDuration: .seconds(30)))
        #expect(next.id == second.id)
        #expect(try await store.claimNext(owner: "w3", leaseDuration: .seconds(30)) == nil)
    }

    @Test(arguments: StoreKind.allCases) func onlyTheLeaseHolderWrites(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let job = try await db.enqueue(db.newJob())
        _ = try await store.claimNext(owner: "w1", leaseDuration: .seconds(30))
        #expect(try await store.reportProgress(jobID: job.id, owner: "w1", progress: 0.5))
        #expect(try await !store.reportProgress(jobID: job.id, owner: "intruder", progress: 0.9))
        #expect(try await !store.complete(jobID: job.id, owner: "intruder", outcome: JobOutcome(images: [image])))
        #expect(try await store.renewLease(jobID: job.id, owner: "intruder", leaseDuration: .seconds(30)) == .lost)
        #expect(try await store.complete(jobID: job.id, owner: "w1", outcome: JobOutcome(images: [image], notApplied: ["x"])))
        let done = try #require(try await store.job(id: job.id, keyID: db.keyID))
        #expect(done.status == .succeeded)
        #expect(done.progress == 1)
        #expect(done.images == [image])
        #expect(done.notApplied == ["x"])
        #expect(done.leaseOwner == nil)
        #expect(done.refunded == false)
        #expect(done.finishedAt != nil)
        // A finished job is never written again.
        #expect(try await !store.fail(jobID: job.id, owner: "w1", failure: JobFailure(code: .engineFailed, message: "y")))
    }

    @Test(arguments: StoreKind.allCases) func expiredLeaseIsReclaimedWithAnotherAttempt(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let job = try await db.enqueue(db.newJob())
        // A long lease, so that a loaded machine cannot let it lapse before the check; then the
        // worker's last heartbeat, as it dies, leaves it a millisecond.
        _ = try await store.claimNext(owner: "dead", leaseDuration: .seconds(60))
        #expect(try await store.claimNext(owner: "w2", leaseDuration: .seconds(30)) == nil)
        #expect(try await store.renewLease(jobID: job.id, owner: "dead", leaseDuration: .milliseconds(1)) == .held)
        try await Task.sleep(for: .milliseconds(20))
        #expect(try await store.queueDepth() == 1)
        let reclaimed = try #require(try await store.claimNext(owner: "w2", leaseDuration: .seconds(30)))
        #expect(reclaimed.id == job.id)
        #expect(reclaimed.attempts == 2)
        // The dead worker's late writes are refused.
        #expect(try await !store.complete(jobID: job.id, owner: "dead", outcome: JobOutcome(images: [image])))
    }

    @Test(arguments: StoreKind.allCases) func lastAttemptLostFailsWithRefund(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let job = try await db.enqueue(db.newJob(maxAttempts: 1))
        _ = try await store.claimNext(owner: "dead", leaseDuration: .milliseconds(20))
        try await Task.sleep(for: .milliseconds(60))
        #expect(try await store.claimNext(owner: "w2", leaseDuration: .seconds(30)) == nil)
        #expect(try await store.failAbandoned() == [job.id])
        let failed = try #require(try await store.job(id: job.id, keyID: db.keyID))
        #expect(failed.status == .failed)
        #expect(failed.refunded)
        #expect(failed.failure?.code.rawValue == "attempts_exhausted")
        #expect(failed.failure?.message.contains("1 times") == true)
        #expect(try await store.failAbandoned().isEmpty)
    }

    @Test(arguments: StoreKind.allCases) func failRefunds(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let job = try await db.enqueue(db.newJob(numImages: 3))
        _ = try await store.claimNext(owner: "w", leaseDuration: .seconds(30))
        #expect(try await store.fail(jobID: job.id, owner: "w", failure: JobFailure(code: .inputFetchFailed, message: "m")))
        let failed = try #require(try await store.job(id: job.id, keyID: db.keyID))
        #expect(failed.status == .failed)
        #expect(failed.refunded)
        #expect(failed.amount.description == "0.078")
        #expect(failed.failure == JobFailure(code: .inputFetchFailed, message: "m"))
    }

    /// What the engine could not apply stays on the failed job, as on a done one.
    @Test(arguments: StoreKind.allCases) func failKeepsWhatWasNotApplied(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let job = try await db.enqueue(db.newJob())
        _ = try await db.jobs.claimNext(owner: "w", leaseDuration: .seconds(30))
        let failure = JobFailure(code: .unsupportedPrompt, message: "m", notApplied: ["soften the skin: needs a mask"])
        #expect(try await db.jobs.fail(jobID: job.id, owner: "w", failure: failure))
        let failed = try #require(try await db.jobs.job(id: job.id, keyID: db.keyID))
        #expect(failed.notApplied == ["soften the skin: needs a mask"])
    }

    @Test(arguments: StoreKind.allCases) func releaseRequeuesWithoutCountingTheAttempt(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let job = try await db.enqueue(db.newJob())
        _ = try await store.claimNext(owner: "w", leaseDuration: .seconds(30))
        #expect(try await store.release(jobID: job.id, owner: "w"))
        let again = try #require(try await store.claimNext(owner: "w2", leaseDuration: .seconds(30)))
        #expect(again.attempts == 1)
    }

    @Test(arguments: StoreKind.allCases) func jobsAreVisibleOnlyToTheirKey(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let job = try await db.enqueue(db.newJob())
        let other = try await APIKeyIssuer(store: db.keys).create(name: "other").key
        #expect(try await db.jobs.job(id: job.id, keyID: db.keyID) != nil)
        #expect(try await db.jobs.job(id: job.id, keyID: other.id) == nil)
    }

    @Test(arguments: StoreKind.allCases) func concurrentClaimsNeverShareAJob(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        for _ in 0..<20 { _ = try await db.enqueue(db.newJob()) }
        let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var ids: [String] = []
                    while let job = try await store.claimNext(owner: "w\(worker)", leaseDuration: .seconds(30)) {
                        ids.append(job.id)
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claimed.count == 20)
        #expect(Set(claimed).count == 20)
    }
}
