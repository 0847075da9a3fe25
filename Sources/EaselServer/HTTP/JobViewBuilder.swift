import EaselAPI
import EaselCore

/// Shapes a stored job the way clients see it.
struct JobViewBuilder: Sendable {
    /// Result URLs are `<base>/v1/files/<blob name>`.
    let base: PublicBaseURL

    init(base: PublicBaseURL) { self.base = base }


    func view(_ job: Job, queuePosition: Int? = nil) -> JobView {
        let publicURL = base.url
        let result = job.status == .succeeded
            ? JobResultView(images: job.images.map {
                .init(url: "\(publicURL)/v1/files/\($0.name)", width: $0.width, height: $0.height,
                      contentType: $0.contentType)
            })
            : nil
        return JobView(
            jobID: job.id, model: job.model, status: job.status, progress: Self.wireProgress(job.progress),
            result: result,
            error: job.failure.map { JobErrorView(code: $0.code.rawValue, message: $0.message) },
            amount: job.amount.description, refunded: job.refunded, engine: job.engine,
            attempts: job.attempts, notApplied: job.notApplied.isEmpty ? nil : job.notApplied,
            actualPrompt: job.actualPrompt, createdAt: Timestamp.string(job.createdAt),
            startedAt: job.startedAt.map(Timestamp.string),
            finishedAt: job.finishedAt.map(Timestamp.string),
            queuePosition: queuePosition,
            callback: job.callback.map {
                CallbackView(
                    status: $0.status.rawValue, attempts: $0.attempts, lastError: $0.lastError,
                    nextAttemptAt: $0.nextAttemptAt.map(Timestamp.string),
                    deliveredAt: $0.deliveredAt.map(Timestamp.string))
            },
            urls: JobLinksView(
                get: "\(publicURL)/api/v1/job/query?id=\(job.id)",
                cancel: "\(publicURL)/api/v1/job/cancel?id=\(job.id)",
                events: "\(publicURL)/api/v1/job/events?id=\(job.id)"))
    }

    /// Three decimals: engines report fractions such as 0.33999999999999997, which are
    /// noise to a client and print badly.
    static func wireProgress(_ progress: Double) -> Double {
        (progress * 1000).rounded() / 1000
    }
}
