import EaselCore
import Foundation
import GRDB

/// The worker's side of the queue: claims, heartbeats and outcomes. Each write names the lease
/// owner and changes nothing for a worker that lost its lease.
extension SQLiteJobStore {
    public func claimNext(owner: String, leaseDuration: Duration, perKeyLimit: Int) async throws -> ClaimedJob? {
        let now = Millis.now()
        let expires = now + Millis.of(leaseDuration)
        return try await writes.write { db in
            try Row.fetchOne(
                db.cachedStatement(literal: """
                    UPDATE jobs SET status = \(JobStatus.running), lease_owner = \(owner), lease_expires_at = \(expires),
                        attempts = attempts + 1, started_at = COALESCE(started_at, \(now))
                    WHERE seq = (
                        -- The oldest of each waiting key's oldest queued job, among keys below
                        -- their limit of running jobs (a probe per waiting key: the queued jobs
                        -- of a key at its limit are never stepped through), or an older job
                        -- whose worker died; never one whose cancel was requested.
                        SELECT MIN(seq) FROM (
                            SELECT (SELECT MIN(seq) FROM jobs WHERE status = \(JobStatus.queued) AND key_id = waiting.key_id) AS seq
                            FROM job_counts AS waiting
                            WHERE waiting.status = \(JobStatus.queued) AND waiting.jobs > 0 AND waiting.key_id NOT IN (
                                SELECT key_id FROM job_counts WHERE status = \(JobStatus.running) AND jobs >= \(perKeyLimit))
                            UNION ALL
                            SELECT seq FROM jobs
                            WHERE status = \(JobStatus.running) AND lease_expires_at < \(now) AND attempts < max_attempts
                                AND cancel_requested = 0))
                    RETURNING \(sql: JobRowDecoder.columns), args_json
                    """)
            ).map(JobRowDecoder.claimed)
        }
    }

    public func renewLease(jobID: String, owner: String, leaseDuration: Duration) async throws -> LeaseCheck {
        let expires = Millis.now() + Millis.of(leaseDuration)
        return try await writes.write { db in
            let cancel = try SQLRequest<Bool>(literal: """
                UPDATE jobs SET lease_expires_at = \(expires)
                WHERE id = \(jobID) AND status = \(JobStatus.running) AND lease_owner = \(owner)
                RETURNING cancel_requested
                """).fetchOne(db)
            guard let cancel else { return .lost }
            return cancel ? .cancelRequested : .held
        }
    }

    public func reportProgress(jobID: String, owner: String, progress: Double) async throws -> Bool {
        try await updateHeld(jobID, owner, set: "progress = MAX(progress, \(progress))")
    }

    public func complete(jobID: String, owner: String, outcome: JobOutcome) async throws -> Bool {
        let images = try JSONCoding.string(outcome.images)
        let notApplied = try JSONCoding.string(outcome.notApplied)
        let now = Millis.now()
        let expires = now + Millis.of(retention)
        return try await updateHeld(
            jobID, owner,
            set: """
                status = \(JobStatus.succeeded), progress = 1, images_json = \(images), not_applied_json = \(notApplied),
                actual_prompt = \(outcome.actualPrompt), finished_at = \(now), lease_owner = NULL, lease_expires_at = NULL
                """,
            unlessCanceled: true
        ) { db in
            for image in outcome.images {
                try db.execute(literal: """
                    INSERT INTO blobs (name, kind, key_id, job_id, content_type, width, height, byte_count, created_at, expires_at)
                    SELECT \(image.name), 'result', key_id, id, \(image.contentType), \(image.width), \(image.height),
                        \(image.byteCount), \(now), \(expires)
                    FROM jobs WHERE id = \(jobID)
                    """)
            }
            try Outbox.enqueueCallback(db, jobID: jobID, now: now)
        }
    }

    public func fail(jobID: String, owner: String, failure: JobFailure) async throws -> Bool {
        let now = Millis.now()
        let notApplied = try JSONCoding.string(failure.notApplied)
        return try await updateHeld(
            jobID, owner,
            set: """
                status = \(JobStatus.failed), refunded = 1, error_code = \(failure.code), error_message = \(failure.message),
                not_applied_json = \(notApplied), finished_at = \(now), lease_owner = NULL, lease_expires_at = NULL
                """
        ) { db in try Outbox.enqueueCallback(db, jobID: jobID, now: now) }
    }

    public func finishCanceled(jobID: String, owner: String) async throws -> Bool {
        let now = Millis.now()
        return try await updateHeld(
            jobID, owner,
            set: "status = \(JobStatus.canceled), refunded = 1, finished_at = \(now), lease_owner = NULL, lease_expires_at = NULL"
        ) { db in try Outbox.enqueueCallback(db, jobID: jobID, now: now) }
    }

    public func release(jobID: String, owner: String) async throws -> Bool {
        try await updateHeld(
            jobID, owner,
            set: """
                status = \(JobStatus.queued), progress = 0, attempts = MAX(attempts - 1, 0),
                lease_owner = NULL, lease_expires_at = NULL
                """)
    }

    public func requeue(jobID: String, owner: String) async throws -> Bool {
        try await updateHeld(
            jobID, owner, set: "status = \(JobStatus.queued), progress = 0, lease_owner = NULL, lease_expires_at = NULL")
    }

    public func failAbandoned() async throws -> [String] {
        let now = Millis.now()
        return try await writes.write { db in
            let ids = try SQLRequest<String>(literal: """
                UPDATE jobs SET status = \(JobStatus.failed), refunded = 1, error_code = \(JobErrorCode.attemptsExhausted),
                    error_message = 'the job was interrupted ' || attempts
                        || ' times (worker crash or lost lease) and was given up',
                    finished_at = \(now), lease_owner = NULL, lease_expires_at = NULL
                WHERE status = \(JobStatus.running) AND lease_expires_at < \(now) AND attempts >= max_attempts
                    AND cancel_requested = 0
                RETURNING id
                """).fetchAll(db)
            // A job canceled while its worker was dead ends canceled, not retried or failed.
            let canceled = try SQLRequest<String>(literal: """
                UPDATE jobs SET status = \(JobStatus.canceled), refunded = 1, finished_at = \(now),
                    lease_owner = NULL, lease_expires_at = NULL
                WHERE status = \(JobStatus.running) AND lease_expires_at < \(now) AND cancel_requested = 1
                RETURNING id
                """).fetchAll(db)
            for id in ids + canceled { try Outbox.enqueueCallback(db, jobID: id, now: now) }
            return ids + canceled
        }
    }

    /// Applies `set` to a running job only while `owner` holds its lease, then `also` in the
    /// same transaction when it did.
    private func updateHeld(
        _ jobID: String, _ owner: String, set assignments: SQL,
        unlessCanceled: Bool = false, also: @escaping @Sendable (Database) throws -> Void = { _ in }
    ) async throws -> Bool {
        // A job whose cancellation was requested may not succeed any more: the cancel was confirmed.
        let condition: SQL = unlessCanceled ? " AND cancel_requested = 0" : ""
        let statement: SQL = """
            UPDATE jobs SET \(assignments)
            WHERE id = \(jobID) AND status = \(JobStatus.running) AND lease_owner = \(owner)\(condition)
            """
        return try await writes.write { db in
            try db.execute(literal: statement)
            guard db.changesCount > 0 else { return false }
            try also(db)
            return true
        }
    }
}
