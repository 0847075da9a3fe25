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

    static func job(_ row: Row) throws -> Job {
        let failure: JobFailure? = (row[15] as JobErrorCode?).map {
            JobFailure(code: $0, message: row[16] ?? "")
        }
        guard let status = row[6] as JobStatus? else {
            throw DatabaseCorruption(message: "job \(row[1] as String? ?? "?") has an unknown status")
        }
        return Job(
            id: row[1], keyID: row[2], model: row[3], engine: row[4],
            callbackURL: row[5], status: status, progress: row[7],
            attempts: row[8], maxAttempts: row[9],
            leaseOwner: row[10],
            leaseExpiresAt: (row[11] as Int64?).map(Millis.date),
            amount: Price(units: row[12], scale: row[13]),
            refunded: row[14], failure: failure,
            images: try JSONCoding.decodeArray([StoredImage].self, row[17]),
            notApplied: try JSONCoding.decodeArray([String].self, row[18]),
            actualPrompt: row[19], createdAt: Millis.date(row[20]),
            startedAt: (row[21] as Int64?).map(Millis.date),
            finishedAt: (row[22] as Int64?).map(Millis.date),
            sequence: row[0], cancelRequested: row[23] ?? false,
            callback: row.count > extra + 1 ? callback(row) : nil)
    }

    /// A claimed row: `columns`, then `args_json`.
    static func claimed(_ row: Row) throws -> ClaimedJob {
        guard let args: String = row[extra] else {
            throw DatabaseCorruption(message: "job \(row[1] as String? ?? "?") was claimed without its edit")
        }
        return ClaimedJob(job: try job(row), edit: try JSONCoding.decode(EditSpec.self, args))
    }

    /// Present only when the read joined `callbacks` and the job has one.
    private static func callback(_ row: Row) -> CallbackState? {
        guard let raw: String = row[extra], let status = CallbackState.Status(rawValue: raw) else { return nil }
        return CallbackState(
            status: status, attempts: row[extra + 1] ?? 0, lastError: row[extra + 2],
            nextAttemptAt: status == .pending ? (row[extra + 3] as Int64?).map(Millis.date) : nil,
            deliveredAt: (row[extra + 4] as Int64?).map(Millis.date))
    }
}

/// A row that the schema should have made impossible.
struct DatabaseCorruption: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
