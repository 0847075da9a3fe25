import AsyncHTTPClient
import Foundation
import NIOHTTP1

/// A client of the Easel job API. It speaks only the hosted `alibaba/wan-2.6/image-to-image`
/// wire API (create, query) plus Easel's extensions (cancel, list, upload), so the same code
/// works against the hosted service: change `baseURL` and `key`.
///
/// ```swift
/// let easel = EaselClient(baseURL: "http://127.0.0.1:8080", key: "esk_…")
/// let input = try await easel.upload(fileAt: URL(fileURLWithPath: "cat.jpg"))
/// let created = try await easel.create(EditArguments(
///     prompt: "warmer, more contrast", imageURLs: [input.url], width: 1024, height: 768))
/// for try await update in easel.wait(for: created.id) { print(update) }
/// ```
///
/// Every error thrown is an `EaselClientError` (or `CancellationError`).
public struct EaselClient: Sendable {
    /// The hosted API's model id; Easel serves it too.
    public static let defaultModel = "alibaba/wan-2.6/image-to-image"

    /// Without a trailing slash, e.g. `http://127.0.0.1:8080`.
    public let baseURL: String
    let key: String
    let http: HTTPClient
    /// How long one request may take, answer body included.
    public var timeout: Duration
    /// How often `wait(for:)` asks for the job when the server has no event stream.
    public var pollInterval: Duration

    public init(
        baseURL: String, key: String, httpClient: HTTPClient = .shared,
        timeout: Duration = .seconds(60), pollInterval: Duration = .seconds(1)
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.key = key
        self.http = httpClient
        self.timeout = timeout
        self.pollInterval = pollInterval
    }

    /// `POST /api/v1/job/create`. The job runs in the background; follow it with `wait(for:)`.
    /// - Parameter idempotencyKey: (Easel extension) the same key and body within 24 hours
    ///   answer with the same job, charged once: safe to retry after a lost answer.
    public func create(
        _ arguments: EditArguments, model: String = EaselClient.defaultModel,
        callbackURL: String? = nil, idempotencyKey: String? = nil
    ) async throws -> CreatedJob {
        // Sorted keys: the same arguments always make the same bytes, which is what the server
        // compares when a create is retried with its Idempotency-Key.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(CreateBody(model: model, args: arguments, callbackURL: callbackURL))
        let headers = idempotencyKey.map { [("Idempotency-Key", $0)] } ?? []
        return try await call(.POST, "/api/v1/job/create", body: body, headers: headers)
    }

    /// `GET /api/v1/job/query?id=`: the job as it stands.
    public func query(_ id: String) async throws -> Job {
        try await call(.GET, "/api/v1/job/query", query: [("id", id)])
    }

    /// `POST /api/v1/job/cancel?id=` (extension): a queued job is canceled at once, a running
    /// one stops at its next safe point. Answers the job as it stands; a finished job is an
    /// `.api` error with code 2010.
    public func cancel(_ id: String) async throws -> Job {
        try await call(.POST, "/api/v1/job/cancel", query: [("id", id)])
    }

    /// `GET /api/v1/job/list` (extension): the key's jobs, newest first.
    public func list(status: JobStatus? = nil, limit: Int? = nil, cursor: String? = nil) async throws -> JobPage {
        var query: [(String, String)] = []
        if let status { query.append(("status", String(status.rawValue))) }
        if let limit { query.append(("limit", String(limit))) }
        if let cursor { query.append(("cursor", cursor)) }
        return try await call(.GET, "/api/v1/job/list", query: query)
    }

    /// Follows a job until it is final: an update whenever its status, queue position or
    /// progress changes, the last one `.finished` with the final job. Follows Easel's live
    /// event stream, and polls the query endpoint where there is none (the hosted API).
    public func wait(for id: String, pollInterval: Duration? = nil) -> JobUpdates {
        JobUpdates(client: self, jobID: id, interval: pollInterval ?? self.pollInterval)
    }

    private struct CreateBody: Encodable {
        var model: String
        var args: EditArguments
        var callbackURL: String?

        enum CodingKeys: String, CodingKey {
            case model, args
            case callbackURL = "callback_url"
        }
    }
}
