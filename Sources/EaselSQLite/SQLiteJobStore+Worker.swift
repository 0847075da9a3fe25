import EaselAPI
import EaselCore
import Foundation
import GRDB

/// The worker's side of the queue: claims, heartbeats and outcomes. Each write names the lease
/// owner and changes nothing for a worker that lost its lease.
extension SQLiteJobStore {
    public func claimNext(owner: String, leaseDuration: Duration, perKeyLimit: Int) async throws -> Job? {
        let now = Millis.now()
        return try await pool.write { db in
            try Row.fetchOne(
                db,
                sql: """
                    UPDATE jobs SET status = 1, lease_owner = ?, lease_expires_at = ?,
                        attempts = attempts + 1, started_at = COALESCE(started_at, ?)
                    WHERE seq = (
                        -- The oldest queued job of a key below its limit of running jobs (one
                        -- index probe while no key is at its limit; the queued jobs of keys at
                        -- their limit are stepped over), or an older one whose worker died;
                        -- never one whose cancel was requested.
                        SELECT MIN(seq) FROM (
                            SELECT * FROM (
                                SELECT seq FROM jobs WHERE status = 0 AND key_id NOT IN (
                                    SELECT key_id FROM jobs WHERE status = 1 GROUP BY key_id HAVING COUNT(*) >= ?)
                                ORDER BY seq LIMIT 1)
                            UNION ALL
                            SELECT seq FROM jobs
                            WHERE status = 1 AND lease_expires_at < ? AND attempts < max_attempts
                                AND cancel_requested = 0))
                    RETURNING *
                    """,
                arguments: [owner, now + Millis.of(leaseDuration), now, perKeyLimit, now]
            ).map(JobRowDecoder.job)
        }
    }

    public func renewLease(jobID: String, owner: String, leaseDuration: Duration) async throws -> LeaseCheck {
        let expires = Millis.now() + Millis.of(leaseDuration)
        return try await pool.write { db in
            let cancel = try Bool.fetchOne(
                db,
                sql: """
                    UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND status = 1 AND lease_owner = ?
                    RETURNING cancel_requested
                    """,
                arguments: [expires, jobID, owner])
            guard let cancel else { return .lost }
            return cancel ? .cancelRequested : .held
        }
    }

    public func reportProgress(jobID: String, owner: String, progress: Double) async throws -> Bool {
        try await updateHeld(jobID, owner, set: "progress = MAX(progress, ?)", [progress])
    }

    public func complete(jobID: String, owner: String, outcome: JobOutcome) async throws -> Bool {
        let images = try JSONCoding.string(outcome.images)
        let notApplied = try JSONCoding.string(outcome.notApplied)
        let now = Millis.now()
        let expires = now + Millis.of(retention)
        return try await updateHeld(
            jobID, owner,
            set: """
                status = 2, progress = 1, images_json = ?, not_applied_json = ?, actual_prompt = ?,
                finished_at = ?, lease_owner = NULL, lease_expires_at = NULL
                """,
            [images, notApplied, outcome.actualPrompt, now],
            unlessCanceled: true
        ) { db in
            for image in outcome.images {
                try db.execute(
                    sql: """
                        INSERT INTO blobs (name, kind, key_id, job_id, content_type, width, height, byte_count, created_at, expires_at)
                        SELECT ?, 'result', key_id, id, ?, ?, ?, ?, ?, ? FROM jobs WHERE id = ?
                        """,
                    arguments: [image.name, image.contentType, image.width, image.height, image.byteCount, now, expires, jobID])
            }
            try Outbox.enqueueCallback(db, jobID: jobID, now: now)
        }
    }

    public func fail(jobID: String, owner: String, failure: JobFailure) async throws -> Bool {
        let now = Millis.now()
        return try await updateHeld(
            jobID, owner,
            set: """
                status = 3, refunded = 1, error_code = ?, error_message = ?, finished_at = ?,
                lease_owner = NULL, lease_expires_at = NULL
                """,
            [failure.code, failure.message, now]
        ) { db in try Outbox.enqueueCallback(db, jobID: jobID, now: now) }
    }

    public func finishCanceled(jobID: String, owner: String) async throws -> Bool {
        let now = Millis.now()
        return try await updateHeld(
            jobID, owner,
            set: "status = 4, refunded = 1, finished_at = ?, lease_owner = NULL, lease_expires_at = NULL",
            [now]
        ) { db in try Outbox.enqueueCallback(db, jobID: jobID, now: now) }
    }

    public func release(jobID: String, owner: String) async throws -> Bool {
        try await updateHeld(
            jobID, owner,
            set: "status = 0, progress = 0, attempts = MAX(attempts - 1, 0), lease_owner = NULL, lease_expires_at = NULL",
            [])
    }

    public func requeue(jobID: String, owner: String) async throws -> Bool {
        try await updateHeld(
            jobID, owner, set: "status = 0, progress = 0, lease_owner = NULL, lease_expires_at = NULL", [])
    }

    public func failAbandoned() async throws -> [String] {
        let now = Millis.now()
        return try await pool.write { db in
            let ids = try String.fetchAll(
                db,
                sql: """
                    UPDATE jobs SET status = 3, refunded = 1, error_code = 'attempts_exhausted',
                        error_message = 'the job was interrupted ' || attempts
                            || ' times (worker crash or lost lease) and was given up',
                        finished_at = ?, lease_owner = NULL, lease_expires_at = NULL
                    WHERE status = 1 AND lease_expires_at < ? AND attempts >= max_attempts AND cancel_requested = 0
                    RETURNING id
                    """,
                arguments: [now, now])
            // A job canceled while its worker was dead ends canceled, not retried or failed.
            let canceled = try String.fetchAll(
                db,
                sql: """
                    UPDATE jobs SET status = 4, refunded = 1, finished_at = ?, lease_owner = NULL, lease_expires_at = NULL
                    WHERE status = 1 AND lease_expires_at < ? AND cancel_requested = 1
                    RETURNING id
                    """,
                arguments: [now, now])
            for id in ids + canceled { try Outbox.enqueueCallback(db, jobID: id, now: now) }
            return ids + canceled
        }
    }

    /// Applies `set` to a running job only while `owner` holds its lease, then `also` in the
    /// same transaction when it did.
    private func updateHeld(
        _ jobID: String, _ owner: String, set assignments: String, _ values: [(any DatabaseValueConvertible)?],
        unlessCanceled: Bool = false, also: @escaping @Sendable (Database) throws -> Void = { _ in }
    ) async throws -> Bool {
        let arguments = StatementArguments(values) + [jobID, owner]
        // A job whose cancellation was requested may not succeed any more: the cancel was confirmed.
        let condition = unlessCanceled ? " AND cancel_requested = 0" : ""
        return try await pool.write { db in
            try db.cachedStatement(
                sql: "UPDATE jobs SET \(assignments) WHERE id = ? AND status = 1 AND lease_owner = ?\(condition)"
            ).execute(arguments: arguments)
            guard db.changesCount > 0 else { return false }
            try also(db)
            return true
        }
    }
}
