import Foundation

/// A job as `GET /api/v1/job/query` answers it. Only the id and the status are required, so
/// that the same type reads the hosted API's answers, which carry fewer fields.
public struct Job: Decodable, Sendable, Equatable {
    public var id: String
    public var status: JobStatus
    public var model: String?
    /// 0…1.
    public var progress: Double?
    /// While queued: 1 runs next.
    public var queuePosition: Int?
    /// The result images, once succeeded.
    public var images: [ResultImage]
    /// Why it failed, when it did.
    public var failure: JobFailure?
    /// The charge, an exact decimal string such as `"0.026"`.
    public var amount: String?
    public var refunded: Bool?
    public var engine: String?
    public var attempts: Int?
    /// Phrases of the prompt the engine understood but could not apply.
    public var notApplied: [String]
    /// The prompt the engine used, when it differs from the one sent.
    public var actualPrompt: String?
    public var createdAt: Date?
    public var startedAt: Date?
    public var finishedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id = "job_id"
        case status, model, progress, result, amount, refunded, engine, attempts
        case queuePosition = "queue_position"
        case failure = "error"
        case notApplied = "not_applied"
        case actualPrompt = "actual_prompt"
        case createdAt = "created_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    private struct Result: Decodable {
        var images: [ResultImage]?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        status = try container.decode(JobStatus.self, forKey: .status)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        progress = try container.decodeIfPresent(Double.self, forKey: .progress)
        queuePosition = try container.decodeIfPresent(Int.self, forKey: .queuePosition)
        images = try container.decodeIfPresent(Result.self, forKey: .result)?.images ?? []
        failure = try container.decodeIfPresent(JobFailure.self, forKey: .failure)
        amount = try container.decodeIfPresent(String.self, forKey: .amount)
        refunded = try container.decodeIfPresent(Bool.self, forKey: .refunded)
        engine = try container.decodeIfPresent(String.self, forKey: .engine)
        attempts = try container.decodeIfPresent(Int.self, forKey: .attempts)
        notApplied = try container.decodeIfPresent([String].self, forKey: .notApplied) ?? []
        actualPrompt = try container.decodeIfPresent(String.self, forKey: .actualPrompt)
        createdAt = Self.date(try container.decodeIfPresent(String.self, forKey: .createdAt))
        startedAt = Self.date(try container.decodeIfPresent(String.self, forKey: .startedAt))
        finishedAt = Self.date(try container.decodeIfPresent(String.self, forKey: .finishedAt))
    }

    /// RFC 3339, with or without fractional seconds; a time this client cannot read is left
    /// out rather than failing the whole answer.
    private static func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        return (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
