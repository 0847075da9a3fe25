import ArgumentParser
import EaselClient
import Foundation

/// `easel edit --server URL --key KEY`: local photos are uploaded, URLs passed through; the
/// job is followed live and its results downloaded. Ctrl-C cancels the job on the server
/// before exiting.
struct RemoteEdit {
    let request: EditCommandRequest
    let client: EaselClient

    func run() async throws {
        if request.size == nil, EditInput.isURL(request.photos[0]) {
            throw ValidationError("--size is needed when the first photo is a URL (its size is not known here)")
        }
        // The server knows which models it serves; every other rule is checked before any upload.
        try EditRules.check(request.arguments(size: request.size ?? EditSize(width: 1024, height: 1024)),
                            model: request.model, servedModels: nil)
        let interruption = await Interruption.trappingSIGINT()

        guard let uploaded = try await interruption.unlessInterrupted({ try await self.upload() }) else {
            throw Interrupted(message: "interrupted before any job was created")
        }
        let (urls, size) = uploaded
        let created = try await apiCall { try await client.create(request.arguments(size: size, imageURLs: urls), model: request.model) }
        note("job \(created.id) created (\(size), \(created.amount.map { "$" + $0 } ?? "no amount"))")
        // A Ctrl-C during the create call waited for its answer: now there is a job to cancel.
        if interruption.isRaised { try await cancel(created.id) }

        guard let job = try await interruption.unlessInterrupted({ try await self.follow(created.id) }) else {
            try await cancel(created.id)
        }
        guard job.status == .succeeded else {
            let reason = job.failure.map { "\($0.code): \($0.message)" } ?? job.status.description
            throw CommandFailure("job \(job.id) \(job.status): \(reason)")
        }
        for phrase in job.notApplied { note("not applied: \(phrase)") }
        guard try await interruption.unlessInterrupted({ try await self.download(job) }) != nil else {
            throw Interrupted(message: "interrupted while downloading the results of job \(job.id)")
        }
    }

    /// Uploads local photos (URLs pass through) and settles the size: `--size`, else the
    /// first photo's, fitted to the API's rules.
    private func upload() async throws -> ([String], EditSize) {
        var urls: [String] = []
        var firstSize: EditSize?
        for photo in request.photos {
            if EditInput.isURL(photo) {
                urls.append(photo)
                continue
            }
            let uploaded = try await apiCall { try await client.upload(fileAt: URL(fileURLWithPath: photo)) }
            note("uploaded \(photo) (\(uploaded.width)x\(uploaded.height))")
            urls.append(uploaded.url)
            if firstSize == nil, urls.count == 1 { firstSize = EditSize.fitting(width: uploaded.width, height: uploaded.height) }
        }
        guard let size = request.size ?? firstSize else { throw CommandFailure("no size for the first photo") }
        return (urls, size)
    }

    private func follow(_ id: String) async throws -> Job {
        var reporter = ProgressReporter()
        defer { reporter.finish() }
        for try await update in client.wait(for: id) {
            reporter.show(update)
            if case .finished(let job) = update { return job }
        }
        throw CommandFailure("job \(id): the server stopped answering before it finished")
    }

    private func download(_ job: Job) async throws {
        let files = request.outputs.files
        guard job.images.count == files.count else {
            throw CommandFailure("job \(job.id) succeeded with \(job.images.count) images, \(files.count) asked for")
        }
        for (image, file) in zip(job.images, files) {
            try await apiCall { try await client.download(image.url, to: file) }
            let size = image.width.flatMap { width in image.height.map { "\(width)x\($0)" } } ?? "?"
            print("saved \(file.path) (\(size))")
        }
    }

    /// Cancels the job on the server, then ends the command as interrupted.
    private func cancel(_ id: String) async throws -> Never {
        do {
            let job = try await client.cancel(id)
            throw Interrupted(message: "interrupted: canceled job \(job.id) on the server")
        } catch let error as EaselClientError where error.code == 2010 {
            throw Interrupted(message: "interrupted: job \(id) had already finished")
        } catch let error as EaselClientError {
            throw CommandFailure("interrupted, but job \(id) could not be canceled: \(error)")
        }
    }

    /// Client errors as the command reports them: an API code and message, or the URL that
    /// could not be reached.
    private func apiCall<T>(_ call: () async throws -> T) async throws -> T {
        do {
            return try await call()
        } catch let error as EaselClientError {
            throw CommandFailure(error.kind == .api ? "the server answered \(error)" : "\(error)")
        }
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
