import EaselCore
import GRDB

/// Adds callback deliveries in the transaction that finishes a job, so that a crash can never
/// finish a job without queuing its callback.
enum Outbox {
    static func enqueueCallback(_ db: Database, jobID: String, now: Int64) throws {
        try db.execute(literal: """
            INSERT OR IGNORE INTO callbacks (job_id, url, webhook_id, status, next_attempt_at, created_at)
            SELECT id, callback_url, 'msg_' || id, \(CallbackState.Status.pending), \(now), \(now) FROM jobs
            WHERE id = \(jobID) AND callback_url IS NOT NULL
            """)
    }
}
