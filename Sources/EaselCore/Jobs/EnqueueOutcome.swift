/// What `JobStore.enqueue` did.
public enum EnqueueOutcome: Sendable, Equatable {
    case created(Job)
    /// The same idempotency key and body within the window: the earlier job, charged once.
    case replayed(Job)
    /// The same idempotency key with a different body.
    case conflict(existingJobID: String)
    /// Too many jobs are waiting; the client retries later (code 3000).
    case queueFull
    /// The job's key already has as many queued and running jobs as it may (code 3002).
    case keyAtLimit
}
