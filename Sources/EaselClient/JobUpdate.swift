/// One step of a job as `EaselClient.wait(for:)` sees it.
public enum JobUpdate: Sendable, Equatable {
    /// Waiting its turn; `position` 1 runs next (nil when the server does not say).
    case queued(position: Int?, job: Job)
    /// Being edited; `progress` 0…1 (nil when the server does not say).
    case running(progress: Double?, job: Job)
    /// Succeeded, failed or canceled: the last update.
    case finished(Job)

    init(_ job: Job) {
        switch job.status {
        case .queued: self = .queued(position: job.queuePosition, job: job)
        case .running: self = .running(progress: job.progress, job: job)
        default: self = .finished(job)
        }
    }

    public var job: Job {
        switch self {
        case .queued(_, let job), .running(_, let job), .finished(let job): job
        }
    }
}
