import EaselCore

/// One `progress` event of `GET /api/v1/job/events`: where an unfinished job stands.
public struct JobEventView: Codable, Sendable, Equatable {
    public var jobID: String
    public var status: JobStatus
    /// While queued: 1 for the next job to run.
    public var queuePosition: Int?
    public var progress: Double

    public init(jobID: String, status: JobStatus, queuePosition: Int?, progress: Double) {
        self.jobID = jobID
        self.status = status
        self.queuePosition = queuePosition
        self.progress = progress
    }

    enum CodingKeys: String, CodingKey {
        case jobID = "job_id"
        case status, progress
        case queuePosition = "queue_position"
    }
}
