import EaselAPI
import EaselCore
import Foundation
import Hummingbird

/// Easel's additions to the hosted API: cancel and list.
extension JobController {
    /// `POST /api/v1/job/cancel?id=`: a queued job is canceled and refunded at once; a running
    /// one stops at the engine's next safe point; a finished one answers "already finished".
    @Sendable func cancel(_ request: Request, context: Context) async throws -> Response {
        let key = try context.authenticatedKey()
        let job = try await ownedJob(request, key: key)
        switch try await store.cancel(jobID: job.id, keyID: key.id) {
        case .canceled(let canceled):
            return JSONResponse.data(views.view(canceled))
        case .requested(let running):
            self.running.cancel(jobID: running.id)
            return JSONResponse.data(views.view(running))
        case .alreadyFinished(let finished):
            throw APIError.alreadyFinished("id: job \(finished.id) already finished (\(finished.status.name)); nothing to cancel")
        case .notFound:
            throw APIError.notFound("id: no job \"\(job.id)\" for this API key")
        }
    }

    /// `GET /api/v1/job/list?status=&limit=&cursor=`: the key's jobs, newest first.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let key = try context.authenticatedKey()
        let parameters = request.uri.queryParameters
        let status = try parameters.get("status").map(Self.status)
        let limit = try parameters.get("limit").map(Self.limit) ?? 20
        let before = try parameters.get("cursor").map(JobCursor.decode)
        let jobs = try await store.jobs(keyID: key.id, status: status, before: before, limit: limit + 1)
        let page = Array(jobs.prefix(limit))
        let next = jobs.count > limit ? page.last.map { JobCursor.encode($0.sequence) } : nil
        return JSONResponse.data(JobListView(jobs: page.map { views.view($0) }, nextCursor: next))
    }

    private static func status(_ text: String) throws -> JobStatus {
        if let status = JobStatus(parsing: text) { return status }
        throw APIError.invalidArgument("status: must be 0–4 or queued, running, succeeded, failed, canceled (got \"\(text.prefix(40))\")")
    }

    private static func limit(_ text: String) throws -> Int {
        guard let value = Int(text), (1...100).contains(value) else {
            throw APIError.invalidArgument("limit: must be an integer between 1 and 100 (got \"\(text.prefix(40))\")")
        }
        return value
    }
}
