import EaselCore
import Logging
import PostgresNIO

/// The callback outbox in the `callbacks` table, claimed with leases like jobs, so a
/// dispatcher that dies mid-delivery only delays the entry until its lease expires. Any
/// number of dispatchers on any nodes share it: `SKIP LOCKED` hands each a different entry.
public struct PostgresCallbackStore: CallbackStore {
    let client: GuardedClient
    let logger: Logger

    public func claimDue(owner: String, leaseDuration: Duration) async throws -> CallbackDelivery? {
        let now = Millis.now()
        let rows = try await client.query("""
            UPDATE callbacks SET lease_owner = \(owner), lease_expires_at = \(now + Millis.of(leaseDuration))
            FROM jobs JOIN api_keys ON api_keys.id = jobs.key_id
            WHERE callbacks.job_id = (
                SELECT job_id FROM callbacks
                WHERE status = \(CallbackState.Status.pending) AND next_attempt_at <= \(now)
                  AND (lease_expires_at IS NULL OR lease_expires_at < \(now))
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
              AND jobs.id = callbacks.job_id
            RETURNING callbacks.job_id, api_keys.id, callbacks.url, callbacks.webhook_id, callbacks.payload,
                callbacks.attempts, api_keys.webhook_secret
            """, logger: logger)
        for try await (jobID, keyID, url, webhookID, payload, attempts, secret) in rows.decode(
            (String, String, String, String, String?, Int, String).self) {
            return CallbackDelivery(
                jobID: jobID, keyID: keyID, url: url, webhookID: webhookID, payload: payload, attempts: attempts,
                signingSecret: secret)
        }
        return nil
    }

    public func setPayload(jobID: String, owner: String, payload: String) async throws -> Bool {
        try await client.query("""
            UPDATE callbacks SET payload = \(payload)
            WHERE job_id = \(jobID) AND lease_owner = \(owner) AND payload IS NULL
            RETURNING job_id
            """, logger: logger).all().count > 0
    }

    public func record(jobID: String, owner: String, result: CallbackAttemptResult) async throws -> Bool {
        let now = Millis.now()
        let statement: PostgresQuery = switch result {
        case .delivered:
            """
            UPDATE callbacks SET status = \(CallbackState.Status.delivered), delivered_at = \(now), last_error = NULL,
                attempts = attempts + 1, lease_owner = NULL, lease_expires_at = NULL
            WHERE job_id = \(jobID) AND lease_owner = \(owner) RETURNING job_id
            """
        case .retry(let at, let error):
            """
            UPDATE callbacks SET next_attempt_at = \(Millis.from(at)), last_error = \(error),
                attempts = attempts + 1, lease_owner = NULL, lease_expires_at = NULL
            WHERE job_id = \(jobID) AND lease_owner = \(owner) RETURNING job_id
            """
        case .gaveUp(let error):
            """
            UPDATE callbacks SET status = \(CallbackState.Status.gaveUp), last_error = \(error),
                attempts = attempts + 1, lease_owner = NULL, lease_expires_at = NULL
            WHERE job_id = \(jobID) AND lease_owner = \(owner) RETURNING job_id
            """
        }
        return try await client.query(statement, logger: logger).all().count > 0
    }
}
