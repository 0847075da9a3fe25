import EaselCore
import Foundation
import GRDB

/// Turns a `jobs` row into a `Job`, or a `ClaimedJob` with its edit.
enum JobRowDecoder {
    static func job(_ row: Row) throws -> Job {
        let failure: JobFailure? = (row["error_code"] as JobErrorCode?).map {
            JobFailure(code: $0, message: row["error_message"] ?? "")
        }
        guard let status = row["status"] as JobStatus? else {
            throw DatabaseCorruption(message: "job \(row["id"] as String? ?? "?") has an unknown status")
        }
        return Job(
            id: row["id"], keyID: row["key_id"], model: row["model"], engine: row["engine"],
            callbackURL: row["callback_url"], status: status, progress: row["progress"],
            attempts: row["attempts"], maxAttempts: row["max_attempts"],
            leaseOwner: row["lease_owner"],
            leaseExpiresAt: (row["lease_expires_at"] as Int64?).map(Millis.date),
            amount: Price(units: row["amount_units"], scale: row["amount_scale"]),
            refunded: row["refunded"], failure: failure,
            images: try JSONCoding.decodeArray([StoredImage].self, row["images_json"]),
            notApplied: try JSONCoding.decodeArray([String].self, row["not_applied_json"]),
            actualPrompt: row["actual_prompt"], createdAt: Millis.date(row["created_at"]),
            startedAt: (row["started_at"] as Int64?).map(Millis.date),
            finishedAt: (row["finished_at"] as Int64?).map(Millis.date),
            sequence: row["seq"], cancelRequested: row["cancel_requested"] ?? false,
            callback: callback(row))
    }

    /// A claimed row (`RETURNING *`): the job with the edit it asks for.
    static func claimed(_ row: Row) throws -> ClaimedJob {
        guard let args: String = row["args_json"] else {
            throw DatabaseCorruption(message: "job \(row["id"] as String? ?? "?") was claimed without its edit")
        }
        return ClaimedJob(job: try job(row), edit: try JSONCoding.decode(EditSpec.self, args))
    }

    /// Present only when the query joined `callbacks` and the job has one.
    private static func callback(_ row: Row) -> CallbackState? {
        guard let raw: String = row["cb_status"], let status = CallbackState.Status(rawValue: raw) else { return nil }
        return CallbackState(
            status: status, attempts: row["cb_attempts"] ?? 0, lastError: row["cb_error"],
            nextAttemptAt: status == .pending ? (row["cb_next"] as Int64?).map(Millis.date) : nil,
            deliveredAt: (row["cb_delivered"] as Int64?).map(Millis.date))
    }
}

/// A row that the schema should have made impossible.
struct DatabaseCorruption: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
