import EaselCore
import PostgresNIO

/// Turns a `jobs` row (joined with its callback for display) into a `Job`, or a
/// `ClaimedJob` with its edit.
enum PostgresJobRow {
    /// Every column a display read needs: all of `jobs` but `args_json`, and the callback's state.
    static let displayColumns = """
        jobs.seq, jobs.id, jobs.key_id, jobs.model, jobs.engine, jobs.callback_url, jobs.status,
        jobs.progress, jobs.attempts, jobs.max_attempts, jobs.lease_owner, jobs.lease_expires_at,
        jobs.amount_units, jobs.amount_scale, jobs.refunded, jobs.error_code, jobs.error_message,
        jobs.images_json, jobs.not_applied_json, jobs.actual_prompt, jobs.created_at, jobs.started_at,
        jobs.finished_at, jobs.cancel_requested, callbacks.status AS cb_status, callbacks.attempts AS cb_attempts,
        callbacks.last_error AS cb_error, callbacks.next_attempt_at AS cb_next, callbacks.delivered_at AS cb_delivered
        """

    static let displayFrom = "jobs LEFT JOIN callbacks ON callbacks.job_id = jobs.id"

    static func job(_ row: PostgresRow) throws -> Job {
        let cells = row.makeRandomAccess()
        func value<T: PostgresDecodable>(_ column: String, _ type: T.Type = T.self) throws -> T {
            try cells[column].decode(T.self)
        }
        let failure: JobFailure? = try value("error_code", JobErrorCode?.self).map {
            JobFailure(code: $0, message: try value("error_message", String?.self) ?? "")
        }
        return Job(
            id: try value("id"), keyID: try value("key_id"), model: try value("model"), engine: try value("engine"),
            callbackURL: try value("callback_url"), status: try value("status"), progress: try value("progress"),
            attempts: try value("attempts", Int.self), maxAttempts: try value("max_attempts", Int.self),
            leaseOwner: try value("lease_owner"),
            leaseExpiresAt: try value("lease_expires_at", Int64?.self).map(Millis.date),
            amount: Price(units: try value("amount_units"), scale: try value("amount_scale", Int.self)),
            refunded: try value("refunded"), failure: failure,
            images: try JSONCoding.decodeArray([StoredImage].self, try value("images_json")),
            notApplied: try JSONCoding.decodeArray([String].self, try value("not_applied_json")),
            actualPrompt: try value("actual_prompt"), createdAt: Millis.date(try value("created_at")),
            startedAt: try value("started_at", Int64?.self).map(Millis.date),
            finishedAt: try value("finished_at", Int64?.self).map(Millis.date),
            sequence: try value("seq"), cancelRequested: try value("cancel_requested"),
            callback: cells.contains("cb_status") ? try callback(cells) : nil)
    }

    /// A claimed row (`RETURNING *`): the job with the edit it asks for.
    static func claimed(_ row: PostgresRow) throws -> ClaimedJob {
        let args = try row.makeRandomAccess()["args_json"].decode(String.self)
        return ClaimedJob(job: try job(row), edit: try JSONCoding.decode(EditSpec.self, args))
    }

    private static func callback(_ cells: PostgresRandomAccessRow) throws -> CallbackState? {
        guard let status = try cells["cb_status"].decode(CallbackState.Status?.self) else { return nil }
        return CallbackState(
            status: status, attempts: try cells["cb_attempts"].decode(Int?.self) ?? 0,
            lastError: try cells["cb_error"].decode(String?.self),
            nextAttemptAt: status == .pending ? try cells["cb_next"].decode(Int64?.self).map(Millis.date) : nil,
            deliveredAt: try cells["cb_delivered"].decode(Int64?.self).map(Millis.date))
    }
}
