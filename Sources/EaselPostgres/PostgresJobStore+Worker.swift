import EaselCore
import Logging
import PostgresNIO

/// The worker's side of the queue: claims, heartbeats and outcomes. Each write names the lease
/// owner and changes nothing for a worker that lost its lease.
extension PostgresJobStore {
    public func claimNext(owner: String, leaseDuration: Duration, perKeyLimit: Int) async throws -> ClaimedJob? {
        let now = Millis.now()
        let expires = now + Millis.of(leaseDuration)
        // A job whose worker died first (few rows: the running ones), then the oldest queued
        // job of a key below its limit. SKIP LOCKED: a row another worker is claiming right
        // now is passed over.
        let abandoned: PostgresQuery = """
            UPDATE jobs SET lease_owner = \(owner), lease_expires_at = \(expires), attempts = attempts + 1
            WHERE seq = (
                SELECT seq FROM jobs
                WHERE status = \(JobStatus.running) AND lease_expires_at < \(now) AND attempts < max_attempts
                    AND NOT cancel_requested
                ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING *
            """
        let queued = Self.queuedClaim(owner: owner, expires: expires, now: now, perKeyLimit: perKeyLimit)
        for claim in [abandoned, queued] {
            if let row = try await client.query(claim, logger: logger).all().first {
                return try PostgresJobRow.claimed(row)
            }
        }
        return nil
    }

    /// Claims the oldest of the waiting keys' oldest queued jobs, among keys below their limit
    /// of running jobs. The keys come from a skip scan (one probe per key with queued jobs),
    /// and each key's oldest from one more probe of `jobs_queued_by_key`: a key at its limit
    /// is passed over without reading its queue, however long that is. The probe is written
    /// as a row comparison in that index's order because with `key_id = …` the planner, not
    /// knowing the key, would walk `jobs_queued` in `seq` order filtering on it, through
    /// every job of the keys ahead. SKIP LOCKED: a row another worker is claiming right now
    /// is passed over (and a key whose oldest it is, for this claim).
    static func queuedClaim(owner: String, expires: Int64, now: Int64, perKeyLimit: Int) -> PostgresQuery {
        """
        WITH RECURSIVE waiting (key_id) AS (
            (SELECT key_id FROM jobs WHERE status = \(JobStatus.queued) ORDER BY key_id LIMIT 1)
            UNION ALL
            SELECT (SELECT key_id FROM jobs WHERE status = \(JobStatus.queued) AND key_id > waiting.key_id
                    ORDER BY key_id LIMIT 1)
            FROM waiting WHERE waiting.key_id IS NOT NULL
        ), eligible AS (
            SELECT key_id FROM waiting WHERE key_id IS NOT NULL AND key_id NOT IN (
                SELECT key_id FROM jobs WHERE status = \(JobStatus.running)
                GROUP BY key_id HAVING COUNT(*) >= \(perKeyLimit))
        )
        UPDATE jobs SET status = \(JobStatus.running), lease_owner = \(owner), lease_expires_at = \(expires),
            attempts = attempts + 1, started_at = COALESCE(started_at, \(now))
        WHERE seq = (
            SELECT head.seq FROM eligible CROSS JOIN LATERAL (
                SELECT seq, key_id FROM jobs
                WHERE status = \(JobStatus.queued) AND (key_id, seq) >= (eligible.key_id, 0)
                ORDER BY key_id, seq LIMIT 1 FOR UPDATE SKIP LOCKED) AS head
            WHERE head.key_id = eligible.key_id
            ORDER BY head.seq LIMIT 1)
        RETURNING *
        """
    }

    public func renewLease(jobID: String, owner: String, leaseDuration: Duration) async throws -> LeaseCheck {
        let expires = Millis.now() + Millis.of(leaseDuration)
        let cancel = try await client.query("""
            UPDATE jobs SET lease_expires_at = \(expires)
            WHERE id = \(jobID) AND status = \(JobStatus.running) AND lease_owner = \(owner)
            RETURNING cancel_requested
            """, logger: logger).decode(Bool.self).all().first
        guard let cancel else { return .lost }
        return cancel ? .cancelRequested : .held
    }

    public func reportProgress(jobID: String, owner: String, progress: Double) async throws -> Bool {
        try await updateHeld(jobID, owner, set: "progress = GREATEST(progress, \(progress))")
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
        ) { connection in
            for image in outcome.images {
                try await connection.query("""
                    INSERT INTO blobs (name, kind, key_id, job_id, content_type, width, height, byte_count, created_at, expires_at)
                    SELECT \(image.name), 'result', key_id, id, \(image.contentType), \(image.width), \(image.height),
                        \(image.byteCount), \(now), \(expires)
                    FROM jobs WHERE id = \(jobID)
                    """, logger: logger)
            }
            try await PostgresOutbox.enqueueCallback(connection, jobID: jobID, now: now, logger: logger)
        }
    }

    public func fail(jobID: String, owner: String, failure: JobFailure) async throws -> Bool {
        let now = Millis.now()
        let notApplied = try JSONCoding.string(failure.notApplied)
        return try await updateHeld(
            jobID, owner,
            set: """
                status = \(JobStatus.failed), refunded = TRUE, error_code = \(failure.code), error_message = \(failure.message),
                not_applied_json = \(notApplied), finished_at = \(now), lease_owner = NULL, lease_expires_at = NULL
                """
        ) { try await PostgresOutbox.enqueueCallback($0, jobID: jobID, now: now, logger: logger) }
    }

    public func finishCanceled(jobID: String, owner: String) async throws -> Bool {
        let now = Millis.now()
        return try await updateHeld(
            jobID, owner,
            set: "status = \(JobStatus.canceled), refunded = TRUE, finished_at = \(now), lease_owner = NULL, lease_expires_at = NULL"
        ) { try await PostgresOutbox.enqueueCallback($0, jobID: jobID, now: now, logger: logger) }
    }

    public func release(jobID: String, owner: String) async throws -> Bool {
        try await updateHeld(
            jobID, owner,
            set: """
                status = \(JobStatus.queued), progress = 0, attempts = GREATEST(attempts - 1, 0),
                lease_owner = NULL, lease_expires_at = NULL
                """)
    }

    public func requeue(jobID: String, owner: String) async throws -> Bool {
        try await updateHeld(
            jobID, owner, set: "status = \(JobStatus.queued), progress = 0, lease_owner = NULL, lease_expires_at = NULL")
    }

    public func failAbandoned() async throws -> [String] {
        let now = Millis.now()
        return try await client.withTransaction(logger: logger) { connection in
            let failed = try await connection.query("""
                UPDATE jobs SET status = \(JobStatus.failed), refunded = TRUE, error_code = \(JobErrorCode.attemptsExhausted),
                    error_message = 'the job was interrupted ' || attempts
                        || ' times (worker crash or lost lease) and was given up',
                    finished_at = \(now), lease_owner = NULL, lease_expires_at = NULL
                WHERE status = \(JobStatus.running) AND lease_expires_at < \(now) AND attempts >= max_attempts
                    AND NOT cancel_requested
                RETURNING id
                """, logger: logger).decode(String.self).all()
            // A job canceled while its worker was dead ends canceled, not retried or failed.
            let canceled = try await connection.query("""
                UPDATE jobs SET status = \(JobStatus.canceled), refunded = TRUE, finished_at = \(now),
                    lease_owner = NULL, lease_expires_at = NULL
                WHERE status = \(JobStatus.running) AND lease_expires_at < \(now) AND cancel_requested
                RETURNING id
                """, logger: logger).decode(String.self).all()
            for id in failed + canceled {
                try await PostgresOutbox.enqueueCallback(connection, jobID: id, now: now, logger: logger)
            }
            return failed + canceled
        }
    }

    /// Applies `set` to a running job only while `owner` holds its lease, then `also` in the
    /// same transaction when it did.
    private func updateHeld(
        _ jobID: String, _ owner: String, set assignments: PostgresQuery, unlessCanceled: Bool = false,
        also: (PostgresConnection) async throws -> Void = { _ in }
    ) async throws -> Bool {
        // A job whose cancellation was requested may not succeed any more: the cancel was confirmed.
        let condition = unlessCanceled ? " AND NOT cancel_requested" : ""
        // The assignments keep their placeholders ($1…$n); the job's, the status's and the
        // owner's follow them.
        var binds = assignments.binds
        let first = binds.count + 1
        try binds.append(jobID)
        try binds.append(JobStatus.running)
        try binds.append(owner)
        let statement = PostgresQuery(
            unsafeSQL: "UPDATE jobs SET \(assignments.sql) WHERE id = $\(first) AND status = $\(first + 1)"
                + " AND lease_owner = $\(first + 2)\(condition) RETURNING id",
            binds: binds)
        return try await client.withTransaction(logger: logger) { connection in
            guard try await connection.query(statement, logger: logger).all().count > 0 else { return false }
            try await also(connection)
            return true
        }
    }
}
