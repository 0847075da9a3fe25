import EaselCore
import Logging
import PostgresNIO

/// Adds a callback delivery in the transaction that finishes a job, so that a crash can
/// never finish a job without queuing its callback.
enum PostgresOutbox {
    static func enqueueCallback(_ connection: PostgresConnection, jobID: String, now: Int64, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO callbacks (job_id, url, webhook_id, status, next_attempt_at, created_at)
            SELECT id, callback_url, 'msg_' || id, \(CallbackState.Status.pending), \(now), \(now) FROM jobs
            WHERE id = \(jobID) AND callback_url IS NOT NULL
            ON CONFLICT (job_id) DO NOTHING
            """, logger: logger)
    }
}
