import EaselCore
import Foundation
import GRDB

/// The job queue in the `jobs` table. Writes are serialised by the pool's writer (several to a
/// transaction: `GroupCommit`), so every claim is a single atomic `UPDATE … RETURNING`. The
/// worker's side is in `SQLiteJobStore+Worker.swift`.
public struct SQLiteJobStore: JobStore {
    let pool: DatabasePool
    /// How long result images are kept.
    let retention: Duration
    /// Every write, batched with the others: creates arriving together share a commit.
    let writes: GroupCommit
    /// Polls, batched: those arriving together share a trip to a reader.
    let polls: GroupRead

    /// Jobs waiting to be claimed at `now`: queued (kept count of), or running under an
    /// expired lease (among the few running rows).
    static func countWaiting(now: Int64) -> SQL {
        """
        SELECT (SELECT COALESCE(SUM(jobs), 0) FROM job_counts WHERE status = \(JobStatus.queued))
            + (SELECT COUNT(*) FROM jobs WHERE status = \(JobStatus.running) AND lease_expires_at < \(now))
        """
    }

    /// Jobs joined with their callback state, for display: every column but `args_json`.
    static let selectJobs = """
        SELECT \(JobRowDecoder.columns), \(JobRowDecoder.callbackColumns)
        FROM jobs LEFT JOIN callbacks ON callbacks.job_id = jobs.id
        """

    public func enqueue(
        _ new: NewJob, idempotency: IdempotencyClaim?, queueLimit: Int, perKeyLimit: Int
    ) async throws -> EnqueueOutcome {
        // Made here, on the caller's task: the batch's transaction holds the writer.
        let args = try JSONCoding.string(new.edit)
        let id = RandomToken.hex(bytes: 16)
        let now = Millis.now()
        let windowStart = now - Millis.of(IdempotencyClaim.window)
        return try await writes.write { db in
            if let idempotency {
                try db.execute(
                    sql: "DELETE FROM idempotency_keys WHERE key_id = ? AND idempotency_key = ? AND created_at < ?",
                    arguments: [new.keyID, idempotency.key, windowStart])
                if let row = try Row.fetchOne(
                    db, sql: "SELECT body_digest, job_id FROM idempotency_keys WHERE key_id = ? AND idempotency_key = ?",
                    arguments: [new.keyID, idempotency.key]) {
                    let jobID: String = row["job_id"]
                    guard row["body_digest"] == idempotency.bodyDigest else {
                        return .conflict(existingJobID: jobID)
                    }
                    if let job = try Self.fetchJob(db, id: jobID, keyID: new.keyID) { return .replayed(job) }
                }
            }
            // Checked after the replay lookup (a retried request gets its job, not "busy") and in
            // the same transaction as the insert (concurrent creates cannot overshoot; those of
            // one batch run one after the other and see each other's rows).
            let waiting = try Int.fetchOne(db.cachedStatement(literal: Self.countWaiting(now: now))) ?? 0
            if waiting >= queueLimit { return .queueFull }
            if perKeyLimit < .max {
                let unfinished = try Int.fetchOne(db.cachedStatement(sql: Self.countUnfinished), arguments: [new.keyID]) ?? 0
                if unfinished >= perKeyLimit { return .keyAtLimit }
            }
            try db.cachedStatement(literal: """
                INSERT INTO jobs (id, key_id, model, engine, args_json, callback_url, status,
                    max_attempts, amount_units, amount_scale, created_at)
                VALUES (\(id), \(new.keyID), \(new.model), \(new.engine), \(args), \(new.callbackURL), \(JobStatus.queued),
                    \(new.maxAttempts), \(new.amount.units), \(new.amount.scale), \(now))
                """).execute()
            let sequence = db.lastInsertedRowID
            if let idempotency {
                try db.execute(
                    sql: "INSERT INTO idempotency_keys (key_id, idempotency_key, body_digest, job_id, created_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [new.keyID, idempotency.key, idempotency.bodyDigest, id, now])
            }
            // Every column the insert did not set has its default: no need to read the row back.
            return .created(Job(
                id: id, keyID: new.keyID, model: new.model, engine: new.engine, callbackURL: new.callbackURL,
                maxAttempts: new.maxAttempts, amount: new.amount, createdAt: Millis.date(now),
                sequence: sequence))
        }
    }

    /// A key's queued and running jobs: two rows of `job_counts`.
    static let countUnfinished = """
        SELECT COALESCE(SUM(jobs), 0) FROM job_counts
        WHERE status IN (\(JobStatus.queued.rawValue), \(JobStatus.running.rawValue)) AND key_id = ?
        """

    public func job(id: String, keyID: String?) async throws -> Job? {
        try await polls.read { db in try Self.fetchJob(db, id: id, keyID: keyID) }
    }

    public func jobs(keyID: String?, status: JobStatus?, before: Int64?, limit: Int) async throws -> [Job] {
        var conditions: [SQL] = []
        if let keyID { conditions.append("jobs.key_id = \(keyID)") }
        if let status { conditions.append("jobs.status = \(status)") }
        if let before { conditions.append("jobs.seq < \(before)") }
        let whereClause: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(operator: .and))"
        let request = SQLRequest<Row>(literal: "\(sql: Self.selectJobs) \(whereClause) ORDER BY jobs.seq DESC LIMIT \(limit)")
        return try await pool.read { db in
            try request.fetchAll(db).map(JobRowDecoder.job)
        }
    }

    public func queueDepth() async throws -> Int {
        let now = Millis.now()
        return try await pool.read { db in
            try Int.fetchOne(db.cachedStatement(literal: Self.countWaiting(now: now))) ?? 0
        }
    }

    public func statusCounts() async throws -> [JobStatus: Int] {
        try await pool.read { db in
            var counts: [JobStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM jobs GROUP BY status") {
                if let status = row["status"] as JobStatus? { counts[status] = row["n"] }
            }
            return counts
        }
    }

    public func queuePosition(jobID: String) async throws -> Int? {
        // Two statements without a shared snapshot: a job finishing in between makes the
        // position one too high for one poll, which is harmless for a hint.
        try await polls.read { db in
            guard let seq = try Int64.fetchOne(
                db.cachedStatement(literal: "SELECT seq FROM jobs WHERE id = \(jobID) AND status = \(JobStatus.queued)")) else {
                return nil
            }
            let ahead = try Int.fetchOne(
                db.cachedStatement(literal: "SELECT COUNT(*) FROM jobs WHERE status = \(JobStatus.queued) AND seq < \(seq)")) ?? 0
            return ahead + 1
        }
    }

    public func cancel(jobID: String, keyID: String?) async throws -> CancelOutcome {
        let now = Millis.now()
        return try await writes.write { db in
            guard let job = try Self.fetchJob(db, id: jobID, keyID: keyID) else { return .notFound }
            switch job.status {
            case .queued:
                try db.execute(literal: """
                    UPDATE jobs SET status = \(JobStatus.canceled), refunded = 1, finished_at = \(now)
                    WHERE id = \(jobID) AND status = \(JobStatus.queued)
                    """)
                try Outbox.enqueueCallback(db, jobID: jobID, now: now)
            case .running:
                try db.execute(sql: "UPDATE jobs SET cancel_requested = 1 WHERE id = ?", arguments: [jobID])
            case .succeeded, .failed, .canceled:
                return .alreadyFinished(job)
            }
            guard let updated = try Self.fetchJob(db, id: jobID, keyID: keyID) else { return .notFound }
            return updated.status == .canceled ? .canceled(updated) : .requested(updated)
        }
    }

    /// Queries run on every poll use cached statements, compiled once per connection.
    /// Every poll reads one of these: made once, not interpolated per read (the statement
    /// cache hashes the whole text).
    static let selectJobByID = "\(selectJobs) WHERE jobs.id = ?"
    static let selectJobByIDAndKey = "\(selectJobs) WHERE jobs.id = ? AND jobs.key_id = ?"

    static func fetchJob(_ db: Database, id: String, keyID: String?) throws -> Job? {
        var job: Job?
        if let keyID {
            try db.cachedStatement(sql: selectJobByIDAndKey).forEachRow(arguments: [id, keyID]) { job = try JobRowDecoder.job($0) }
        } else {
            try db.cachedStatement(sql: selectJobByID).forEachRow(arguments: [id]) { job = try JobRowDecoder.job($0) }
        }
        return job
    }
}
