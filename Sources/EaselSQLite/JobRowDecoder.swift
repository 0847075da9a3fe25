import EaselCore
import Foundation
import GRDB

/// Turns a `jobs` row into a `Job`, or a `ClaimedJob` with its edit. Rows are read by
/// position, in the order of `columns`: GRDB finds a column by name by lowercasing every
/// column name of the row, which cost more than the rest of a poll's decoding.
enum JobRowDecoder {
    /// The job's columns, in the order the decoder reads them; every statement that hands
    /// rows to it selects these first.
    static let columns = """
        jobs.seq, jobs.id, jobs.key_id, jobs.model, jobs.engine, jobs.callback_url, jobs.status,
        jobs.progress, jobs.attempts, jobs.max_attempts, jobs.lease_owner, jobs.lease_expires_at,
        jobs.amount_units, jobs.amount_scale, jobs.refunded, jobs.error_code, jobs.error_message,
        jobs.images_json, jobs.not_applied_json, jobs.actual_prompt, jobs.created_at, jobs.started_at,
        jobs.finished_at, jobs.cancel_requested
        """
    /// Then, in display reads, the callback's state (`callbackColumns`); in claims, the edit.
    static let callbackColumns = """
        callbacks.status, callbacks.attempts, callbacks.last_error, callbacks.next_attempt_at, callbacks.delivered_at
        """
    private static let extra = 24

    static func job(_ row: some JobColumns) throws -> Job {
        let failure = row.string(15).map { code in
            JobFailure(code: JobErrorCode(rawValue: code), message: row.string(16) ?? "")
        }
        guard let status = row.int(6).flatMap(JobStatus.init(rawValue:)) else {
            throw DatabaseCorruption(message: "job \(row.string(1) ?? "?") has an unknown status")
        }
        return Job(
            id: try row.required(row.string, 1), keyID: try row.required(row.string, 2),
            model: try row.required(row.string, 3), engine: try row.required(row.string, 4),
            callbackURL: row.string(5), status: status, progress: row.double(7) ?? 0,
            attempts: row.int(8) ?? 0, maxAttempts: try row.required(row.int, 9),
            leaseOwner: row.string(10),
            leaseExpiresAt: row.int64(11).map(Millis.date),
            amount: Price(units: try row.required(row.int64, 12), scale: try row.required(row.int, 13)),
            refunded: row.bool(14) ?? false, failure: failure,
            images: try JSONCoding.decodeArray([StoredImage].self, row.string(17) ?? "[]"),
            notApplied: try JSONCoding.decodeArray([String].self, row.string(18) ?? "[]"),
            actualPrompt: row.string(19), createdAt: Millis.date(try row.required(row.int64, 20)),
            startedAt: row.int64(21).map(Millis.date),
            finishedAt: row.int64(22).map(Millis.date),
            sequence: try row.required(row.int64, 0), cancelRequested: row.bool(23) ?? false,
            callback: row.count > extra + 1 ? callback(row) : nil)
    }

    /// A claimed row: `columns`, then `args_json`.
    static func claimed(_ row: Row) throws -> ClaimedJob {
        guard let args = row.string(extra) else {
            throw DatabaseCorruption(message: "job \(row.string(1) ?? "?") was claimed without its edit")
        }
        return ClaimedJob(job: try job(row), edit: try JSONCoding.decode(EditSpec.self, args))
    }

    /// Present only when the read joined `callbacks` and the job has one.
    private static func callback(_ row: some JobColumns) -> CallbackState? {
        guard let raw = row.string(extra), let status = CallbackState.Status(rawValue: raw) else { return nil }
        return CallbackState(
            status: status, attempts: row.int(extra + 1) ?? 0, lastError: row.string(extra + 2),
            nextAttemptAt: status == .pending ? row.int64(extra + 3).map(Millis.date) : nil,
            deliveredAt: row.int64(extra + 4).map(Millis.date))
    }
}

/// A row that the schema should have made impossible.
struct DatabaseCorruption: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
