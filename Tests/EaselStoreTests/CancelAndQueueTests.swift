import EaselCore
import EaselSQLite
import Foundation
import Testing

/// Cancellation against the worker's writes, the queue limit and idempotency, at the store.
@Suite struct CancelAndQueueTests {
    let image = StoredImage(name: "r.png", width: 1024, height: 1024, contentType: "image/png", byteCount: 10)

    @Test(arguments: StoreKind.allCases) func aConfirmedCancelBeatsACompletion(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let job = try await db.enqueue(db.newJob())
        _ = try await store.claimNext(owner: "w", leaseDuration: .seconds(30))
        guard case .requested = try await store.cancel(jobID: job.id, keyID: db.keyID) else {
            Issue.record("a running job's cancel is a request")
            return
        }
        #expect(try await store.renewLease(jobID: job.id, owner: "w", leaseDuration: .seconds(30)) == .cancelRequested)
        #expect(try await !store.complete(jobID: job.id, owner: "w", outcome: JobOutcome(images: [image])))
        #expect(try await store.finishCanceled(jobID: job.id, owner: "w"))
        let canceled = try #require(try await store.job(id: job.id, keyID: db.keyID))
        #expect(canceled.status == .canceled)
        #expect(canceled.refunded)
        #expect(canceled.images.isEmpty)
    }

    @Test(arguments: StoreKind.allCases) func aCanceledJobWhoseWorkerDiedEndsCanceled(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let job = try await db.enqueue(db.newJob(maxAttempts: 3))
        _ = try await store.claimNext(owner: "dead", leaseDuration: .milliseconds(300))
        _ = try await store.cancel(jobID: job.id, keyID: db.keyID)
        try await Task.sleep(for: .milliseconds(400))
        #expect(try await store.claimNext(owner: "w2", leaseDuration: .seconds(30)) == nil, "not run again")
        #expect(try await store.failAbandoned() == [job.id])
        let settled = try #require(try await store.job(id: job.id, keyID: db.keyID))
        #expect(settled.status == .canceled)
        #expect(settled.refunded)
    }

    @Test(arguments: StoreKind.allCases) func queuedCancelIsImmediateAndFinishedJobsSaySo(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let job = try await db.enqueue(db.newJob())
        guard case .canceled(let canceled) = try await store.cancel(jobID: job.id, keyID: db.keyID) else {
            Issue.record("a queued job is canceled at once")
            return
        }
        #expect(canceled.status == .canceled && canceled.refunded)
        guard case .alreadyFinished = try await store.cancel(jobID: job.id, keyID: db.keyID) else {
            Issue.record("a canceled job is finished")
            return
        }
        #expect(try await store.cancel(jobID: job.id, keyID: "key_other") == .notFound)
        #expect(try await store.claimNext(owner: "w", leaseDuration: .seconds(30)) == nil)
    }

    @Test(arguments: StoreKind.allCases) func queueLimitAndIdempotencyAreDecidedInOneTransaction(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let claim = IdempotencyClaim(key: "k1", bodyDigest: "d1")
        guard case .created(let first) = try await store.enqueue(db.newJob(), idempotency: claim, queueLimit: 1) else {
            Issue.record("the first request creates a job")
            return
        }
        // The queue is full now, yet the retry of the accepted request still gets its job.
        #expect(try await store.enqueue(db.newJob(), idempotency: claim, queueLimit: 1) == .replayed(first))
        #expect(try await store.enqueue(db.newJob(), idempotency: nil, queueLimit: 1) == .queueFull)
        #expect(try await store.enqueue(db.newJob(), idempotency: IdempotencyClaim(key: "k1", bodyDigest: "d2"), queueLimit: 5)
                == .conflict(existingJobID: first.id))
    }
}

/// One key's jobs cannot take every claim: a key at its limit of running jobs is stepped
/// over, and its next job is claimable again once one of its jobs ends.
@Suite struct PerKeyLimitTests {
    @Test(arguments: StoreKind.allCases) func aKeyAtItsLimitIsSteppedOver(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let other = try await APIKeyIssuer(store: db.keys).create(name: "other").key.id
        let a1 = try await db.enqueue(db.newJob())
        let a2 = try await db.enqueue(db.newJob())
        let a3 = try await db.enqueue(db.newJob())
        let b1 = try await db.enqueue(db.newJob(keyID: other))
        var claimed: [String] = []
        while let job = try await store.claimNext(owner: "w", leaseDuration: .seconds(30), perKeyLimit: 2) {
            claimed.append(job.id)
        }
        #expect(claimed == [a1.id, a2.id, b1.id])
        #expect(try await store.job(id: a3.id, keyID: nil)?.status == .queued)
        // A finished job frees its key's place.
        #expect(try await store.fail(jobID: a1.id, owner: "w", failure: JobFailure(code: .engineFailed, message: "done")))
        #expect(try await store.claimNext(owner: "w", leaseDuration: .seconds(30), perKeyLimit: 2)?.id == a3.id)
    }
}

/// Revoking a key ends its unfinished work: nobody can see or pay for it any more.
@Suite struct KeyRevocationTests {
    @Test(arguments: StoreKind.allCases) func revocationCancelsQueuedAndStopsRunningJobs(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let store = db.jobs
        let other = try await APIKeyIssuer(store: db.keys).create(name: "other").key.id
        let running = try await db.enqueue(db.newJob())
        let queued = try await db.enqueue(db.newJob(numImages: 2))
        let othersJob = try await db.enqueue(db.newJob(keyID: other))
        #expect(try await store.claimNext(owner: "w", leaseDuration: .seconds(30))?.id == running.id)

        #expect(try await db.keys.revoke(id: db.keyID) == KeyRevocation(canceledQueued: 1, stoppingRunning: 1))
        let canceled = try #require(try await store.job(id: queued.id, keyID: nil))
        #expect(canceled.status == .canceled && canceled.refunded && canceled.finishedAt != nil)
        #expect(try await store.renewLease(jobID: running.id, owner: "w", leaseDuration: .seconds(30)) == .cancelRequested)
        #expect(try await store.job(id: othersJob.id, keyID: nil)?.status == .queued, "other keys' jobs are untouched")
        #expect(try await store.claimNext(owner: "w", leaseDuration: .seconds(30))?.id == othersJob.id)
    }
}
