import EaselCore
/// `data` of `GET /api/v1/job/query`: the job as a client sees it.
public struct JobView: Codable, Sendable, Equatable {
    public var jobID: String
    public var model: String
    public var status: JobStatus
    /// 0…1; 1 once succeeded.
    public var progress: Double
    /// While queued: 1 for the next job to run.
    public var queuePosition: Int?
    /// Present once the job has succeeded.
    public var result: JobResultView?
    /// Present when the job failed.
    public var error: JobErrorView?
    public var amount: String
    /// True when the amount was given back (failed or canceled jobs).
    public var refunded: Bool
    /// Which engine served (or is serving) the job, e.g. `classic`.
    public var engine: String
    public var attempts: Int
    /// Phrases of the prompt the engine read but could not apply, with the reason; on failed
    /// jobs too.
    public var notApplied: [String]?
    /// The prompt as the engine used it: the classic engine's plan (always), the diffusion
    /// engine's rewritten prompt (with `prompt_extend`).
    public var actualPrompt: String?
    /// RFC 3339 UTC times.
    public var createdAt: String
    public var startedAt: String?
    public var finishedAt: String?
    /// Present once a job with a `callback_url` has finished.
    public var callback: CallbackView?
    /// Where to poll, cancel and follow this job.
    public var urls: JobLinksView?

    public init(
        jobID: String, model: String, status: JobStatus, progress: Double,
        result: JobResultView?, error: JobErrorView?, amount: String, refunded: Bool,
        engine: String, attempts: Int, notApplied: [String]?, actualPrompt: String?,
        createdAt: String, startedAt: String?, finishedAt: String?,
        queuePosition: Int? = nil, callback: CallbackView? = nil, urls: JobLinksView? = nil
    ) {
        self.jobID = jobID
        self.model = model
        self.status = status
        self.progress = progress
        self.result = result
        self.error = error
        self.amount = amount
        self.refunded = refunded
        self.engine = engine
        self.attempts = attempts
        self.notApplied = notApplied
        self.actualPrompt = actualPrompt
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.queuePosition = queuePosition
        self.callback = callback
        self.urls = urls
    }

    enum CodingKeys: String, CodingKey {
        case jobID = "job_id"
        case model, status, progress, callback, urls
        case queuePosition = "queue_position"
        case result, error, amount, refunded, engine, attempts
        case notApplied = "not_applied"
        case actualPrompt = "actual_prompt"
        case createdAt = "created_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }
}
