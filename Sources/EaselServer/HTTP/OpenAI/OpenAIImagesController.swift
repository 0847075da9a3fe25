import EaselAPI
import EaselCore
import Foundation
import Hummingbird

/// `POST /v1/images/edits`: OpenAI's images edit API over the job queue, so that any OpenAI
/// client can edit with Easel. The same keys and validation rules as the job API; the job is
/// visible through the job API too. It answers once the job finished (up to `waitLimit`),
/// with the images as URLs or base64, or with an error in OpenAI's envelope.
///
/// It authenticates by itself rather than behind `APIKeyMiddleware`, so that a refused key is
/// answered in OpenAI's error envelope, which OpenAI clients parse.
struct OpenAIImagesController<Context: APIKeyRequestContext>: Sendable {
    let jobs: JobController<Context>
    let authenticator: RequestAuthenticator
    let keeper: UploadKeeper
    let blobs: any BlobStore
    let maxBodyBytes: Int

    /// Long enough for a full-quality diffusion edit of four images behind a short queue; a
    /// job still unfinished then is answered 504 naming it, and runs on.
    static var waitLimit: Duration { .seconds(300) }

    func addRoutes(to router: Router<Context>) {
        router.post("v1/images/edits", use: edit)
    }

    @Sendable func edit(_ request: Request, context: Context) async throws -> Response {
        do {
            return try await answer(request)
        } catch let error as OpenAIError {
            return error.response
        } catch let error as APIError {
            return OpenAIError(error).response
        }
    }

    private func answer(_ request: Request) async throws -> Response {
        let key = try await authenticator.key(for: request)
        let body = try await request.collectBody(limit: maxBodyBytes)
        let form = try OpenAIEditForm(body: body, contentType: request.headers[.contentType])
        let format = try form.responseFormat
        guard (1...4).contains(form.images.count) else {
            throw OpenAIError(status: 400, message: "image: send 1 to 4 image files as image or image[] (got \(form.images.count))",
                              type: "invalid_request_error", param: "image")
        }
        var urls: [String] = []
        for (index, image) in form.images.enumerated() {
            urls.append(try await keeper.keep(image, keyID: key.id, field: "image[\(index)]").url)
        }
        let create = try form.createBody(imageURLs: urls, defaultModel: ModelRegistry.seedModelID)
        let parsed = try CreateJobRequest.parse(create, servedModels: jobs.registry.modelIDs)
        let idempotency = try JobController<Context>.idempotencyClaim(request, body: body)
        let (job, _) = try await jobs.submit(parsed, keyID: key.id, idempotency: idempotency)
        guard let finished = try await jobs.finishedJob(job, keyID: key.id, within: Self.waitLimit) else {
            throw OpenAIError(
                status: 504, message: "the job \(job.id) did not finish within \(Self.waitLimit.components.seconds) s; "
                    + "it runs on: follow it at \(jobs.views.base.url)/api/v1/job/query?id=\(job.id)",
                type: "server_error", code: "timeout")
        }
        return try await images(of: finished, format: format)
    }

    private func images(of job: Job, format: OpenAIEditForm.ResponseFormat) async throws -> Response {
        switch job.status {
        case .succeeded:
            let view = jobs.views.view(job)
            var images: [OpenAIImagesResponse.Image] = []
            for (index, image) in job.images.enumerated() {
                var item = OpenAIImagesResponse.Image(revisedPrompt: job.actualPrompt)
                switch format {
                case .url:
                    item.url = view.result?.images[index].url
                case .b64JSON:
                    guard let data = try await blobs.read(name: image.name) else {
                        throw APIError.internalError("result \(image.name) of job \(job.id) is missing")
                    }
                    item.b64JSON = data.base64EncodedString()
                }
                images.append(item)
            }
            let created = Int((job.finishedAt ?? Date()).timeIntervalSince1970)
            return try JSONResponse.make(.ok, OpenAIImagesResponse(created: created, data: images))
        case .failed:
            let failure = job.failure
            let message = "job \(job.id) failed: \(failure?.message ?? "no reason recorded")"
            let byClient: Set<JobErrorCode> = [.inputFetchFailed, .inputUndecodable, .inputTooLarge, .unsupportedPrompt,
                                               .tooManyInputs, .modelUnavailable]
            if let code = failure?.code, byClient.contains(code) {
                throw OpenAIError(status: 400, message: message, type: "invalid_request_error", code: code.rawValue)
            }
            throw OpenAIError(status: 500, message: message, type: "server_error", code: failure?.code.rawValue)
        default:
            throw OpenAIError(status: 409, message: "job \(job.id) was canceled before it finished",
                              type: "invalid_request_error", code: "canceled")
        }
    }
}
