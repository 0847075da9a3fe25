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
        group.get("job/events", use: events)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let key = try context.authenticatedKey()
        let body = try await request.collectBody(limit: maxBodyBytes)
        let idempotency = try Self.idempotencyClaim(request, body: body)
        let parsed = try CreateJobRequest.parse(body, servedModels: registry.modelIDs)
        let (job, replayed) = try await submit(parsed, keyID: key.id, idempotency: idempotency)
        if replayed {
            var response = try await answer(job, request: request, keyID: key.id)
            response.headers[.idempotentReplayed] = "true"
            return response
        }
        context.logger.info("job created", metadata: ["job": "\(job.id)", "key": "\(key.id)"])
        return try await answer(job, request: request, keyID: key.id)
    }

    /// Queues a validated request for a key (or finds the job its idempotency key made).
    func submit(
        _ parsed: CreateJobRequest, keyID: String, idempotency: IdempotencyClaim?
    ) async throws -> (job: Job, replayed: Bool) {
        guard let entry = registry.entry(for: parsed.model) else {
            throw APIError.unknownModel(parsed.model, served: registry.modelIDs)
        }
        let maxImages = entry.engine.descriptor.maxInputImages
        if parsed.edit.imageURLs.count > maxImages {
            throw APIError.invalidArgument(
                "args.image_urls: model \(parsed.model) reads at most \(maxImages) images (got \(parsed.edit.imageURLs.count))")
        }
        let outcome = try await store.enqueue(NewJob(
            keyID: keyID, model: parsed.model, edit: parsed.edit, callbackURL: parsed.callbackURL,
            engine: entry.engine.descriptor.id,
            amount: entry.pricePerImage.times(parsed.edit.numImages), maxAttempts: maxAttempts),
            idempotency: idempotency, queueLimit: queueLimit, perKeyLimit: unfinishedPerKey)
        switch outcome {
        case .created(let job):
            wake.notify()
            return (job, false)
        case .replayed(let job):
            return (job, true)
        case .queueFull:
            throw APIError.busy("queue: \(queueLimit) jobs are waiting; retry later")
        case .keyAtLimit:
            // When one finishes is not known here; a second is about what a classic job takes.
            throw APIError.tooManyJobs(
                "jobs: this API key has \(unfinishedPerKey) queued or running jobs, the most it may have; retry when one finishes",
                retryAfterSeconds: 1)
        case .conflict(let existing):
            throw APIError.conflict(
                "Idempotency-Key: already used in the last 24 hours with a different body (job \(existing)); use a new key for a new request")
        }
    }

    /// The create answer; with `Prefer: wait=N`, the finished job (as query answers it) when
    /// it finishes within N seconds.
    private func answer(_ job: Job, request: Request, keyID: String) async throws -> Response {
        if let wait = PreferWait(request.headers) {
            let finished = try await finishedJob(job, keyID: keyID, within: .seconds(wait.seconds))
            var response = if let finished {
                JSONResponse.data(views.view(finished))
            } else {
                JSONResponse.raw(.ok, JSONText.of(CreateJobResponse(jobID: job.id, amount: job.amount.description)))
            }
            response.headers[.preferenceApplied] = "wait=\(wait.seconds)"
            return response
        }
        return JSONResponse.raw(.ok, JSONText.of(CreateJobResponse(jobID: job.id, amount: job.amount.description)))
    }

    /// Reads the job until it is terminal or `limit` has passed (the job may run on another
    /// node, so the store is the one place to look).
    func finishedJob(_ job: Job, keyID: String, within limit: Duration) async throws -> Job? {
        let deadline = ContinuousClock.now + limit
        var current = job
        while !current.status.isTerminal {
            guard ContinuousClock.now < deadline else { return nil }
            try await Task.sleep(for: .milliseconds(100))
            guard let next = try await store.job(id: job.id, keyID: keyID) else { return nil }
            current = next
        }
        return current
    }

    @Sendable func query(_ request: Request, context: Context) async throws -> Response {
        let key = try context.authenticatedKey()
        let job = try await ownedJob(request, key: key)
        let position = job.status == .queued ? try await store.queuePosition(jobID: job.id) : nil
        return JSONResponse.data(views.view(job, queuePosition: position))
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
