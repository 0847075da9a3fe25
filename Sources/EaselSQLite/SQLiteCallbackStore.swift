import EaselCore
import Foundation
import GRDB

/// The callback outbox in the `callbacks` table, claimed with leases like jobs, so a
/// dispatcher that dies mid-delivery only delays the entry until its lease expires.
public struct SQLiteCallbackStore: CallbackStore {
    let pool: DatabasePool

    public func claimDue(owner: String, leaseDuration: Duration) async throws -> CallbackDelivery? {
        let now = Millis.now()
        return try await pool.write { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    UPDATE callbacks SET lease_owner = ?, lease_expires_at = ?
                    WHERE job_id = (
                        SELECT job_id FROM callbacks
                        WHERE status = 'pending' AND next_attempt_at <= ?
                          AND (lease_expires_at IS NULL OR lease_expires_at < ?)
                        ORDER BY next_attempt_at LIMIT 1)
                    RETURNING job_id, url, webhook_id, payload, attempts
                    """,
                arguments: [owner, now + Millis.of(leaseDuration), now, now])
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
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE callbacks SET payload = ? WHERE job_id = ? AND lease_owner = ? AND payload IS NULL",
                arguments: [payload, jobID, owner])
            return db.changesCount > 0
        }
    }

    public func record(jobID: String, owner: String, result: CallbackAttemptResult) async throws -> Bool {
        let now = Millis.now()
        let (assignments, values): (String, [(any DatabaseValueConvertible)?]) = switch result {
        case .delivered:
            ("status = 'delivered', delivered_at = ?, last_error = NULL", [now])
        case .retry(let at, let error):
            ("next_attempt_at = ?, last_error = ?", [Millis.from(at), error])
        case .gaveUp(let error):
            ("status = 'gave_up', last_error = ?", [error])
        }
        let arguments = StatementArguments(values) + [jobID, owner]
        return try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE callbacks SET \(assignments), attempts = attempts + 1, lease_owner = NULL, lease_expires_at = NULL
                    WHERE job_id = ? AND lease_owner = ?
                    """,
                arguments: arguments)
            return db.changesCount > 0
        }
    }
}
