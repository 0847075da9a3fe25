import Foundation

/// Answer to `POST /api/v1/job/create`. The documented field is `data.job_id`; the hosted
/// API's own JavaScript and Python examples read `job_id` at the top level, so it is there
/// too. Its own curl example greps the text for `"job_id": "…"` and must find it once, so the
/// top-level copy is written with its underscore escaped (`"job\u005fid"`): every JSON
/// parser reads that key as `job_id`, a text search does not match it. `wireJSON` writes that
/// form (`JSONEncoder` cannot spell a key with an escape).
public struct CreateJobResponse: Decodable, Sendable, Equatable {
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

    /// `{"code":0,"data":{"amount":"…","job_id":"…"},"job\u005fid":"…"}`.
    public func wireJSON() -> Data {
        Data(JSONText.of(self))
    }
}

extension CreateJobResponse: JSONTextWritable {
    public func write(to json: inout JSONText) {
        json.object { json in
            json.member("code", code)
            json.name("data")
            json.object { json in
                json.member("amount", data.amount)
                json.member("job_id", data.jobID)
            }
            json.member("job\\u005fid", jobID)
        }
    }
}
