import EaselAPI
import EaselCore
import Foundation
import GRDB

/// The job queue in the `jobs` table. Writes are serialised by the pool's writer, so every
/// claim is a single atomic `UPDATE … RETURNING`.
public struct SQLiteJobStore: JobStore {
    let pool: DatabasePool

    public func enqueue(_ new: NewJob) async throws -> Job {
        let job = Job(
            id: RandomToken.hex(bytes: 16), keyID: new.keyID, model: new.request.model,
            engine: new.engine, arguments: new.request.arguments,
            callbackURL: new.request.callbackURL, maxAttempts: new.maxAttempts,
            amount: new.amount, createdAt: Millis.date(Millis.now()))
        let args = try JSONCoding.string(job.arguments)
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO jobs (id, key_id, model, engine, args_json, callback_url, status,
                        max_attempts, amount_units, amount_scale, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
                    """,
                arguments: [job.id, job.keyID, job.model, job.engine, args, job.callbackURL,
                            job.maxAttempts, job.amount.units, job.amount.scale,
                            Millis.from(job.createdAt)])
        }
        return job
    }

    public func job(id: String, keyID: String) async throws -> Job? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE id = ? AND key_id = ?", arguments: [id, keyID])
                .map(JobRowDecoder.job)
        }
    }

    public func queueDepth() async throws -> Int {
        let now = Millis.now()
        return try await pool.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM jobs WHERE status = 0 OR (status = 1 AND lease_expires_at < ?)",
                arguments: [now]) ?? 0
        }
    }

    public func claimNext(owner: String, leaseDuration: Duration) async throws -> Job? {
        let now = Millis.now()
        return try await pool.write { db in
            try Row.fetchOne(
                db,
                sql: """
                    UPDATE jobs SET status = 1, lease_owner = ?, lease_expires_at = ?,
                        attempts = attempts + 1, started_at = COALESCE(started_at, ?)
                    WHERE seq = (
                        SELECT seq FROM jobs
                        WHERE status = 0
                           OR (status = 1 AND lease_expires_at < ? AND attempts < max_attempts)
                        ORDER BY seq LIMIT 1)
                    RETURNING *
                    """,
                arguments: [owner, now + Millis.of(leaseDuration), now, now]
            ).map(JobRowDecoder.job)
        }
    }

    public func renewLease(jobID: String, owner: String, leaseDuration: Duration) async throws -> Bool {
        let expires = Millis.now() + Millis.of(leaseDuration)
        return try await updateHeld(jobID, owner, set: "lease_expires_at = ?", [expires])
    }

    public func reportProgress(jobID: String, owner: String, progress: Double) async throws -> Bool {
        try await updateHeld(jobID, owner, set: "progress = MAX(progress, ?)", [progress])
    }

    public func complete(jobID: String, owner: String, outcome: JobOutcome) async throws -> Bool {
        let images = try JSONCoding.string(outcome.images)
        let notApplied = try JSONCoding.string(outcome.notApplied)
        return try await updateHeld(
            jobID, owner,
            set: """
                status = 2, progress = 1, images_json = ?, not_applied_json = ?, actual_prompt = ?,
                finished_at = ?, lease_owner = NULL, lease_expires_at = NULL
                """,
            [images, notApplied, outcome.actualPrompt, Millis.now()])
    }

    public func fail(jobID: String, owner: String, failure: JobFailure) async throws -> Bool {
        try await updateHeld(
            jobID, owner,
            set: """
                status = 3, refunded = 1, error_code = ?, error_message = ?, finished_at = ?,
                lease_owner = NULL, lease_expires_at = NULL
                """,
            [failure.code, failure.message, Millis.now()])
    }

    public func release(jobID: String, owner: String) async throws -> Bool {
        try await updateHeld(
            jobID, owner,
            set: "status = 0, progress = 0, attempts = MAX(attempts - 1, 0), lease_owner = NULL, lease_expires_at = NULL",
            [])
    }

    public func failAbandoned() async throws -> [String] {
        let now = Millis.now()
        return try await pool.write { db in
            try String.fetchAll(
                db,
                sql: """
                    UPDATE jobs SET status = 3, refunded = 1, error_code = 'attempts_exhausted',
                        error_message = 'the job was interrupted ' || attempts
                            || ' times (worker crash or lost lease) and was given up',
                        finished_at = ?, lease_owner = NULL, lease_expires_at = NULL
                    WHERE status = 1 AND lease_expires_at < ? AND attempts >= max_attempts
                    RETURNING id
                    """,
                arguments: [now, now])
        }
    }

    /// Applies `set` to a running job only while `owner` holds its lease.
    private func updateHeld(
        _ jobID: String, _ owner: String, set assignments: String, _ values: [(any DatabaseValueConvertible)?]
    ) async throws -> Bool {
        let arguments = StatementArguments(values) + [jobID, owner]
        return try await pool.write { db in
            try db.execute(
                sql: "UPDATE jobs SET \(assignments) WHERE id = ? AND status = 1 AND lease_owner = ?",
                arguments: arguments)
            return db.changesCount > 0
        }
    }
}
