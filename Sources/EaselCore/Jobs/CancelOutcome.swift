/// What `POST /api/v1/job/cancel` did.
public enum CancelOutcome: Sendable, Equatable {
    /// It was queued: canceled and refunded at once.
    case canceled(Job)
    /// It is running: its worker stops at the engine's next safe point.
    case requested(Job)
    case alreadyFinished(Job)
    case notFound
}
