/// Answer to `POST /api/v1/job/create`. The documented field is `data.job_id`; the hosted
/// API's own JavaScript and Python examples read `job_id` at the top level, so it is there too.
public struct CreateJobResponse: Codable, Sendable, Equatable {
    public struct Payload: Codable, Sendable, Equatable {
        public var amount: String
        public var jobID: String

        enum CodingKeys: String, CodingKey {
            case amount
            case jobID = "job_id"
        }
    }

    public var code: Int
    public var data: Payload
    public var jobID: String

    public init(jobID: String, amount: String) {
        self.code = 0
        self.data = Payload(amount: amount, jobID: jobID)
        self.jobID = jobID
    }

    enum CodingKeys: String, CodingKey {
        case code, data
        case jobID = "job_id"
    }
}
