import Foundation

/// Durable job storage and the queue over it. Every write made on behalf of a worker names
/// the lease owner and changes nothing when that worker no longer holds the lease, so a
/// worker that stalled past its lease can never overwrite the one that took over.
public protocol JobStore: Sendable {
    /// Stores a queued job and charges its amount — or, when `idempotency` names a request
    /// already made, answers with that request's job (or a conflict), or, when `queueLimit`
    /// jobs already wait, answers `queueFull`, or, when the job's key already has
    /// `perKeyLimit` queued and running jobs (counted in the whole database), answers
    /// `keyAtLimit`; in those cases nothing is stored.
    func enqueue(
        _ job: NewJob, idempotency: IdempotencyClaim?, queueLimit: Int, perKeyLimit: Int
    ) async throws -> EnqueueOutcome

    /// The job, if it exists and belongs to `keyID` (any key when nil: operators).
    func job(id: String, keyID: String?) async throws -> Job?

    /// A key's jobs (every key's when nil), newest first, optionally of one status, older than
    /// `before` (a `Job.sequence`), at most `limit`.
    func jobs(keyID: String?, status: JobStatus?, before: Int64?, limit: Int) async throws -> [Job]

    /// How many jobs are in each status (for metrics).
    func statusCounts() async throws -> [JobStatus: Int]

    /// 1 for the next job to run; nil when the job is not queued.
    func queuePosition(jobID: String) async throws -> Int?

    /// Cancels a queued job at once (refunded), or flags a running one for its worker.
    func cancel(jobID: String, keyID: String?) async throws -> CancelOutcome

    /// Jobs waiting to be claimed (queued, plus running ones whose lease expired).
    func queueDepth() async throws -> Int

    /// Atomically takes the oldest claimable job: a queued one whose key has fewer than
    /// `perKeyLimit` running jobs, or a running one whose lease expired (a crashed worker),
    /// and counts the attempt.
    func claimNext(owner: String, leaseDuration: Duration, perKeyLimit: Int) async throws -> ClaimedJob?

    /// Extends the lease and says whether the worker should go on.
    func renewLease(jobID: String, owner: String, leaseDuration: Duration) async throws -> LeaseCheck

    func reportProgress(jobID: String, owner: String, progress: Double) async throws -> Bool

    /// Marks the job succeeded with its images; false (and nothing written) without the lease
    /// or once a cancel was requested.
    func complete(jobID: String, owner: String, outcome: JobOutcome) async throws -> Bool

    /// Marks the job failed and refunds it; false without the lease.
    func fail(jobID: String, owner: String, failure: JobFailure) async throws -> Bool

    /// Marks a job whose cancellation was requested as canceled and refunds it.
    func finishCanceled(jobID: String, owner: String) async throws -> Bool

    /// Puts a job back in the queue without counting the attempt (graceful shutdown).
    func release(jobID: String, owner: String) async throws -> Bool

    /// Puts a job back in the queue, counting the attempt (its engine lost it, e.g. a model
    /// runner died). The caller fails it instead once `attempts` reaches `maxAttempts`.
    func requeue(jobID: String, owner: String) async throws -> Bool

    /// Settles every job whose worker died for good: canceled when a cancel was requested,
    /// else failed after its last allowed attempt; refunded either way. Returns their ids.
    func failAbandoned() async throws -> [String]
}

extension JobStore {
    /// Without a limit per key.
    public func enqueue(_ job: NewJob, idempotency: IdempotencyClaim?, queueLimit: Int) async throws -> EnqueueOutcome {
        try await enqueue(job, idempotency: idempotency, queueLimit: queueLimit, perKeyLimit: .max)
    }
}
