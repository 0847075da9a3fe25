/// A page of `GET /api/v1/job/list`: the key's jobs, newest first.
public struct JobPage: Decodable, Sendable, Equatable {
    public var jobs: [Job]
    /// Pass to `list(cursor:)` for the next page; nil on the last page.
    public var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case jobs
        case nextCursor = "next_cursor"
    }
}
