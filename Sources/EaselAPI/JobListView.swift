/// `data` of `GET /api/v1/job/list`: a page of jobs, newest first.
public struct JobListView: Codable, Sendable, Equatable {
    public var jobs: [JobView]
    /// Pass as `cursor` for the next page; absent on the last page.
    public var nextCursor: String?

    public init(jobs: [JobView], nextCursor: String?) {
        self.jobs = jobs
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case jobs
        case nextCursor = "next_cursor"
    }
}
