import EaselCore
import Logging
import PostgresNIO

/// The job queue in the `jobs` table, shared by every node. Creates take one advisory lock
/// for their transaction, so the queue limit and idempotency keys hold across nodes; claims
/// lock the row they take with `FOR UPDATE SKIP LOCKED`, so workers never wait for each
/// other. The worker's side is in `PostgresJobStore+Worker.swift`.
public struct PostgresJobStore: JobStore {
    let client: GuardedClient
    /// How long result images are kept.
    let retention: Duration
    let logger: Logger

    /// "enqueue" in ASCII: the advisory lock every create holds for its transaction.
    static let enqueueLock: Int64 = 0x656E_7175_6575_65

    public func enqueue(
        _ new: NewJob, idempotency: IdempotencyClaim?, queueLimit: Int, perKeyLimit: Int
    ) async throws -> EnqueueOutcome {
        let args = try JSONCoding.string(new.edit)
        let now = Millis.now()
        let windowStart = now - Millis.of(IdempotencyClaim.window)
        return try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.enqueueLock))", logger: logger)
            if let idempotency {
                try await connection.query("""
                    DELETE FROM idempotency_keys
                    WHERE key_id = \(new.keyID) AND idempotency_key = \(idempotency.key) AND created_at < \(windowStart)
                    """, logger: logger)
                let previous = try await connection.query("""
                    SELECT body_digest, job_id FROM idempotency_keys
                    WHERE key_id = \(new.keyID) AND idempotency_key = \(idempotency.key)
                    """, logger: logger).decode((String, String).self).all().first
                if let (digest, jobID) = previous {
                    guard digest == idempotency.bodyDigest else { return .conflict(existingJobID: jobID) }
                    if let job = try await Self.fetchJob(connection, id: jobID, keyID: new.keyID, logger: logger) {
                        return .replayed(job)
                    }
                }
            }
            // After the replay lookup (a retried request gets its job, not "busy"), under the
            // lock (concurrent creates on any node cannot overshoot).
            if try await Self.waiting(connection, now: now, logger: logger) >= queueLimit { return .queueFull }
            if perKeyLimit < .max, try await Self.unfinished(connection, keyID: new.keyID, limit: perKeyLimit, logger: logger) >= perKeyLimit {
                return .keyAtLimit
            }
            let id = RandomToken.hex(bytes: 16)
            try await connection.query("""
                INSERT INTO jobs (id, key_id, model, engine, args_json, callback_url, status,
                    max_attempts, amount_units, amount_scale, created_at)
                VALUES (\(id), \(new.keyID), \(new.model), \(new.engine), \(args), \(new.callbackURL), \(JobStatus.queued),
                    \(new.maxAttempts), \(new.amount.units), \(new.amount.scale), \(now))
                """, logger: logger)
            if let idempotency {
                try await connection.query("""
                    INSERT INTO idempotency_keys (key_id, idempotency_key, body_digest, job_id, created_at)
                    VALUES (\(new.keyID), \(idempotency.key), \(idempotency.bodyDigest), \(id), \(now))
                    """, logger: logger)
            }
            guard let job = try await Self.fetchJob(connection, id: id, keyID: nil, logger: logger) else {
                throw StoreCorruption(message: "job \(id) vanished inside its own transaction")
            }
            try await PostgresDatabase.notify(connection, .jobQueued, logger: logger)
            return .created(job)
        }
    }

    public func job(id: String, keyID: String?) async throws -> Job? {
        try await client.withConnection { try await Self.fetchJob($0, id: id, keyID: keyID, logger: logger) }
    }

    public func jobs(keyID: String?, status: JobStatus?, before: Int64?, limit: Int) async throws -> [Job] {
        var bindings = PostgresBindings()
        var sql = "SELECT \(PostgresJobRow.displayColumns) FROM \(PostgresJobRow.displayFrom) WHERE TRUE"
        func add<T: PostgresEncodable>(_ condition: String, _ value: T) throws {
            try bindings.append(value)
            sql += " AND \(condition) $\(bindings.count)"
        }
        if let keyID { try add("jobs.key_id =", keyID) }
        if let status { try add("jobs.status =", status) }
        if let before { try add("jobs.seq <", before) }
        try bindings.append(limit)
        sql += " ORDER BY jobs.seq DESC LIMIT $\(bindings.count)"
        return try await client.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
            .collect().map(PostgresJobRow.job)
    }

    public func queueDepth() async throws -> Int {
        try await client.withConnection { try await Self.waiting($0, now: Millis.now(), logger: logger) }
    }

    public func statusCounts() async throws -> [JobStatus: Int] {
        var counts: [JobStatus: Int] = [:]
        for try await (status, count) in try await client.query(
            "SELECT status, COUNT(*) FROM jobs GROUP BY status", logger: logger).decode((JobStatus, Int).self) {
            counts[status] = count
        }
        return counts
    }

    public func queuePosition(jobID: String) async throws -> Int? {
        let rows = try await client.query("""
            SELECT (SELECT COUNT(*) FROM jobs AS ahead WHERE ahead.status = \(JobStatus.queued) AND ahead.seq < jobs.seq)
            FROM jobs WHERE id = \(jobID) AND status = \(JobStatus.queued)
            """, logger: logger)
        return try await rows.decode(Int.self).all().first.map { $0 + 1 }
    }

    public func cancel(jobID: String, keyID: String?) async throws -> CancelOutcome {
        let now = Millis.now()
        return try await client.withTransaction(logger: logger) { connection in
            // The row lock orders this cancel against a worker's completion of the same job.
            let locked = try await connection.query(
                "SELECT status FROM jobs WHERE id = \(jobID) AND (\(keyID)::TEXT IS NULL OR key_id = \(keyID)) FOR UPDATE",
                logger: logger).decode(JobStatus.self).all().first
            guard let status = locked else { return .notFound }
            switch status {
            case .queued:
                try await connection.query("""
                    UPDATE jobs SET status = \(JobStatus.canceled), refunded = TRUE, finished_at = \(now)
                    WHERE id = \(jobID)
                    """, logger: logger)
                try await PostgresOutbox.enqueueCallback(connection, jobID: jobID, now: now, logger: logger)
            case .running:
                try await connection.query("UPDATE jobs SET cancel_requested = TRUE WHERE id = \(jobID)", logger: logger)
                try await PostgresDatabase.notify(connection, .cancelRequested(jobID: jobID), logger: logger)
            case .succeeded, .failed, .canceled:
                guard let job = try await Self.fetchJob(connection, id: jobID, keyID: keyID, logger: logger) else { return .notFound }
                return .alreadyFinished(job)
            }
            guard let updated = try await Self.fetchJob(connection, id: jobID, keyID: keyID, logger: logger) else { return .notFound }
            return updated.status == .canceled ? .canceled(updated) : .requested(updated)
        }
    }

    /// Jobs waiting to be claimed at `now`: queued, or running under an expired lease.
    static func waiting(_ connection: PostgresConnection, now: Int64, logger: Logger) async throws -> Int {
        try await connection.query("""
            SELECT (SELECT COUNT(*) FROM jobs WHERE status = \(JobStatus.queued))
                + (SELECT COUNT(*) FROM jobs WHERE status = \(JobStatus.running) AND lease_expires_at < \(now))
            """, logger: logger).decode(Int.self).all().first ?? 0
    }

    /// A key's queued and running jobs, counted up to `limit` (an index-only scan of the
    /// partial index `jobs_unfinished`, never longer than the limit).
    static func unfinished(_ connection: PostgresConnection, keyID: String, limit: Int, logger: Logger) async throws -> Int {
        try await connection.query("""
            SELECT COUNT(*) FROM (
                SELECT 1 FROM jobs WHERE key_id = \(keyID) AND status IN (\(unescaped: unfinishedStatuses)) LIMIT \(limit)
            ) AS capped
            """, logger: logger).decode(Int.self).all().first ?? 0
    }

    /// Literals, not parameters: the partial index's condition must match them.
    static let unfinishedStatuses = "\(JobStatus.queued.rawValue), \(JobStatus.running.rawValue)"

    static func fetchJob(_ connection: PostgresConnection, id: String, keyID: String?, logger: Logger) async throws -> Job? {
        try await connection.query("""
            SELECT \(unescaped: PostgresJobRow.displayColumns) FROM \(unescaped: PostgresJobRow.displayFrom)
            WHERE jobs.id = \(id) AND (\(keyID)::TEXT IS NULL OR jobs.key_id = \(keyID))
            """, logger: logger).all().first.map(PostgresJobRow.job)
    }
}

/// A row that the schema should have made impossible.
struct StoreCorruption: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
