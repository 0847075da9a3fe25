import EaselCore

/// A create waiting for its batch's transaction (`GroupCommit`).
struct PendingJob: Sendable {
    let job: NewJob
    /// The edit, already encoded.
    let args: String
    let idempotency: IdempotencyClaim?
    let queueLimit: Int
    let perKeyLimit: Int
}
