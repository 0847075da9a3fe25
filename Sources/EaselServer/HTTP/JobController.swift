import EaselAPI
import EaselCore
import Foundation
import Hummingbird

/// The hosted API's two endpoints — create a job, query it — and Easel's additions: cancel
/// and list (`JobController+Manage.swift`).
struct JobController<Context: APIKeyRequestContext>: Sendable {
    let store: any JobStore
    let registry: ModelRegistry
    let views: JobViewBuilder
    let wake: WakeSignal
    let running: RunningJobs
    let maxBodyBytes: Int
    let queueLimit: Int
    /// Queued and running jobs one key may have (`--max-unfinished-per-key`).
    let unfinishedPerKey: Int
    let maxAttempts: Int

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("job/create", use: create)
        group.get("job/query", use: query)
        group.post("job/cancel", use: cancel)
        group.get("job/list", use: list)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let key = try context.authenticatedKey()
        let body = try await request.collectBody(limit: maxBodyBytes)
        let idempotency = try Self.idempotencyClaim(request, body: body)
        let parsed = try CreateJobRequest.parse(body, servedModels: registry.modelIDs)
        guard let entry = registry.entry(for: parsed.model) else {
            throw APIError.unknownModel(parsed.model, served: registry.modelIDs)
        }
        let maxImages = entry.engine.descriptor.maxInputImages
        if parsed.edit.imageURLs.count > maxImages {
            throw APIError.invalidArgument(
                "args.image_urls: model \(parsed.model) reads at most \(maxImages) images (got \(parsed.edit.imageURLs.count))")
        }
        let outcome = try await store.enqueue(NewJob(
            keyID: key.id, model: parsed.model, edit: parsed.edit, callbackURL: parsed.callbackURL,
            engine: entry.engine.descriptor.id,
            amount: entry.pricePerImage.times(parsed.edit.numImages), maxAttempts: maxAttempts),
            idempotency: idempotency, queueLimit: queueLimit, perKeyLimit: unfinishedPerKey)
        switch outcome {
        case .created(let job):
            wake.notify()
            context.logger.info("job created", metadata: ["job": "\(job.id)", "key": "\(key.id)"])
            return try JSONResponse.make(.ok, CreateJobResponse(jobID: job.id, amount: job.amount.description))
        case .replayed(let job):
            var response = try JSONResponse.make(.ok, CreateJobResponse(jobID: job.id, amount: job.amount.description))
            response.headers[.idempotentReplayed] = "true"
            return response
        case .queueFull:
            throw APIError.busy("queue: \(queueLimit) jobs are waiting; retry later")
        case .keyAtLimit:
            // When one finishes is not known here; a second is about what a classic job takes.
            throw APIError.tooManyJobs(
                "jobs: this API key has \(unfinishedPerKey) queued or running jobs, the most it may have; retry when one finishes",
                retryAfter: 1)
        case .conflict(let existing):
            throw APIError.conflict(
                "Idempotency-Key: already used in the last 24 hours with a different body (job \(existing)); use a new key for a new request")
        }
    }

    @Sendable func query(_ request: Request, context: Context) async throws -> Response {
        let key = try context.authenticatedKey()
        let job = try await ownedJob(request, key: key)
        let position = job.status == .queued ? try await store.queuePosition(jobID: job.id) : nil
        return try JSONResponse.ok(views.view(job, queuePosition: position))
    }

    /// The job named by `?id=`, if it belongs to `key`. Another key's job answers exactly like
    /// a missing one: ids are not confirmed to strangers.
    func ownedJob(_ request: Request, key: APIKey) async throws -> Job {
        guard let id = request.uri.queryParameters.get("id"), !id.isEmpty else {
            throw APIError.invalidArgument("id: query parameter is required (?id=JOB_ID)")
        }
        guard let job = try await store.job(id: id, keyID: key.id) else {
            throw APIError.notFound("id: no job \"\(id.prefix(80))\" for this API key")
        }
        return job
    }

    /// `Idempotency-Key`: the same key and body within 24 hours return the same job.
    static func idempotencyClaim(_ request: Request, body: Data) throws -> IdempotencyClaim? {
        let keys = request.headers[values: .idempotencyKey]
        guard let key = keys.first else { return nil }
        guard keys.count == 1 else {
            // Which one a proxy or a retrying client meant cannot be known: refuse rather than guess.
            throw APIError.invalidArgument("Idempotency-Key: send the header once (got \(keys.count))")
        }
        let printable = key.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
        guard (1...255).contains(key.utf8.count), printable else {
            throw APIError.invalidArgument("Idempotency-Key: must be 1 to 255 printable ASCII characters")
        }
        return IdempotencyClaim(key: key, bodyDigest: SHA256Hex.of(body))
    }
}
