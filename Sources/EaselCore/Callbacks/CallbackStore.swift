/// The callback outbox. Terminal job transitions add an entry in the same transaction, so a
/// crash can never lose a callback; the dispatcher claims due entries with a lease.
public protocol CallbackStore: Sendable {
    /// The oldest due entry, leased to `owner`.
    func claimDue(owner: String, leaseDuration: Duration) async throws -> CallbackDelivery?
    /// Fixes the body for this and every later attempt.
    func setPayload(jobID: String, owner: String, payload: String) async throws -> Bool
    func record(jobID: String, owner: String, result: CallbackAttemptResult) async throws -> Bool
}
