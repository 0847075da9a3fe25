import EaselAPI
import EaselCore
import Foundation
import Hummingbird

/// The hosted API's two endpoints: create a job, query it.
struct JobController<Context: RequestContext>: Sendable {
    let store: any JobStore
    let registry: ModelRegistry
    let authenticator: RequestAuthenticator
    let views: JobViewBuilder
    let wake: WakeSignal
    let maxBodyBytes: Int
    let queueLimit: Int
    let maxAttempts: Int

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("job/create", use: create)
        group.get("job/query", use: query)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let key = try await authenticator.key(for: request)
        let body = try await request.body.collect(upTo: maxBodyBytes)
        let parsed = try CreateJobRequest.parse(Data(buffer: body), servedModels: registry.modelIDs)
        guard let entry = registry.entry(for: parsed.model) else {
            throw APIError.unknownModel(parsed.model, served: registry.modelIDs)
        }
        let maxImages = entry.engine.descriptor.maxInputImages
        if parsed.arguments.imageURLs.count > maxImages {
            throw APIError.invalidArgument(
                "args.image_urls: model \(parsed.model) reads at most \(maxImages) images (got \(parsed.arguments.imageURLs.count))")
        }
        if try await store.queueDepth() >= queueLimit {
            throw APIError.busy("queue: \(queueLimit) jobs are waiting; retry later")
        }
        let job = try await store.enqueue(NewJob(
            keyID: key.id, request: parsed, engine: entry.engine.descriptor.id,
            amount: entry.pricePerImage.times(parsed.arguments.numImages), maxAttempts: maxAttempts))
        wake.notify()
        context.logger.info("job created", metadata: ["job": "\(job.id)", "key": "\(key.id)"])
        return try JSONResponse.make(.ok, CreateJobResponse(jobID: job.id, amount: job.amount.description))
    }

    @Sendable func query(_ request: Request, context: Context) async throws -> Response {
        let key = try await authenticator.key(for: request)
        guard let id = request.uri.queryParameters.get("id"), !id.isEmpty else {
            throw APIError.invalidArgument("id: query parameter is required (GET /api/v1/job/query?id=JOB_ID)")
        }
        // Another key's job answers exactly like a missing one: ids are not confirmed to strangers.
        guard let job = try await store.job(id: id, keyID: key.id) else {
            throw APIError.notFound("id: no job \"\(id.prefix(80))\" for this API key")
        }
        return try JSONResponse.ok(views.view(job))
    }
}
