/// What nodes tell each other through PostgreSQL's `NOTIFY` on one channel: a job was
/// queued (idle workers look now instead of at their next poll), or a running job's cancel
/// was requested (the worker holding it stops now instead of at its next heartbeat).
/// Notifications are sent by the transaction that makes the change, and delivered only when
/// it commits.
public enum QueueNotification: Sendable, Equatable {
    case jobQueued
    case cancelRequested(jobID: String)

    public static let channel = "easel_queue"

    var payload: String {
        switch self {
        case .jobQueued: "queued"
        case .cancelRequested(let jobID): "cancel:" + jobID
        }
    }

    init?(payload: String) {
        if payload == "queued" {
            self = .jobQueued
        } else if payload.hasPrefix("cancel:") {
            self = .cancelRequested(jobID: String(payload.dropFirst("cancel:".count)))
        } else {
            return nil
        }
    }
}
