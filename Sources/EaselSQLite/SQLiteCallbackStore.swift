import EaselCore
import Foundation
import GRDB

/// The callback outbox in the `callbacks` table, claimed with leases like jobs, so a
/// dispatcher that dies mid-delivery only delays the entry until its lease expires.
public struct SQLiteCallbackStore: CallbackStore {
    let pool: DatabasePool
    /// Every write, batched with the others (`GroupCommit`).
    let writes: GroupCommit

    public func claimDue(owner: String, leaseDuration: Duration) async throws -> CallbackDelivery? {
        let now = Millis.now()
        return try await writes.write { db in
            guard let row = try SQLRequest<Row>(literal: """
                UPDATE callbacks SET lease_owner = \(owner), lease_expires_at = \(now + Millis.of(leaseDuration))
                WHERE job_id = (
                    SELECT job_id FROM callbacks
                    WHERE status = \(CallbackState.Status.pending) AND next_attempt_at <= \(now)
                      AND (lease_expires_at IS NULL OR lease_expires_at < \(now))
                    ORDER BY next_attempt_at LIMIT 1)
                RETURNING job_id, url, webhook_id, payload, attempts
                """).fetchOne(db)
            else { return nil }
            let jobID: String = row["job_id"]
            guard let key = try Row.fetchOne(
                db,
                sql: "SELECT api_keys.id, api_keys.webhook_secret FROM jobs JOIN api_keys ON api_keys.id = jobs.key_id WHERE jobs.id = ?",
                arguments: [jobID])
            else { throw DatabaseCorruption(message: "callback for job \(jobID) has no job or key") }
            return CallbackDelivery(
                jobID: jobID, keyID: key["id"], url: row["url"], webhookID: row["webhook_id"],
                payload: row["payload"], attempts: row["attempts"], signingSecret: key["webhook_secret"])
        }
    }

    public func setPayload(jobID: String, owner: String, payload: String) async throws -> Bool {
        try await writes.write { db in
            try db.execute(
                sql: "UPDATE callbacks SET payload = ? WHERE job_id = ? AND lease_owner = ? AND payload IS NULL",
                arguments: [payload, jobID, owner])
            return db.changesCount > 0
        }
    }

    public func record(jobID: String, owner: String, result: CallbackAttemptResult) async throws -> Bool {
        let now = Millis.now()
        let assignments: SQL = switch result {
        case .delivered:
            "status = \(CallbackState.Status.delivered), delivered_at = \(now), last_error = NULL"
        case .retry(let at, let error):
            "next_attempt_at = \(Millis.from(at)), last_error = \(error)"
        case .gaveUp(let error):
            "status = \(CallbackState.Status.gaveUp), last_error = \(error)"
        }
        let statement: SQL = """
            UPDATE callbacks SET \(assignments), attempts = attempts + 1, lease_owner = NULL, lease_expires_at = NULL
            WHERE job_id = \(jobID) AND lease_owner = \(owner)
            """
        return try await writes.write { db in
            try db.execute(literal: statement)
            return db.changesCount > 0
        }
    }
}
