/// The answer to `POST /api/v1/job/create`.
public struct CreatedJob: Decodable, Sendable, Equatable {
    public var id: String
    /// The charge, an exact decimal string such as `"0.026"`.
    public var amount: String?

    enum CodingKeys: String, CodingKey {
        case id = "job_id"
        case amount
    }
}
