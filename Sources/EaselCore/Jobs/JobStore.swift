import Foundation

/// Durable job storage and the queue over it. Every write made on behalf of a worker names
/// the lease owner and changes nothing when that worker no longer holds the lease, so a
/// worker that stalled past its lease can never overwrite the one that took over.
public protocol JobStore: Sendable {
    /// Stores a queued job and charges its amount. Returns it as stored.
    func enqueue(_ job: NewJob) async throws -> Job

    /// The job, if it exists and belongs to `keyID`.
    func job(id: String, keyID: String) async throws -> Job?

    /// Jobs waiting to be claimed (queued, plus running ones whose lease expired).
    func queueDepth() async throws -> Int

    /// Atomically takes the oldest claimable job: a queued one, or a running one whose lease
    /// expired (a crashed worker), and counts the attempt.
    func claimNext(owner: String, leaseDuration: Duration) async throws -> Job?

    /// Extends the lease; false when `owner` no longer holds it.
    func renewLease(jobID: String, owner: String, leaseDuration: Duration) async throws -> Bool

    func reportProgress(jobID: String, owner: String, progress: Double) async throws -> Bool

    /// Marks the job succeeded with its images; false (and nothing written) without the lease.
    func complete(jobID: String, owner: String, outcome: JobOutcome) async throws -> Bool

    /// Marks the job failed and refunds it; false without the lease.
    func fail(jobID: String, owner: String, failure: JobFailure) async throws -> Bool

    /// Puts a job back in the queue without counting the attempt (graceful shutdown).
    func release(jobID: String, owner: String) async throws -> Bool

    /// Fails, with refund, every job whose lease expired after its last allowed attempt.
    /// Returns their ids.
    func failAbandoned() async throws -> [String]
}
