import EaselAPI
import EaselCore
import Foundation
import Logging

/// Runs one claimed job to its end: fetch inputs, edit, store images, record the outcome.
/// Every store write names the lease owner; when the lease is lost the run stops and leaves
/// the job to whoever holds it now.
///
/// Inputs are fetched before the job takes one of the `engineSlots`: a slow or silent image
/// host holds up its own job, never the engine other jobs are waiting for.
struct JobRunner: Sendable {
    let store: any JobStore
    let blobs: any BlobStore
    let registry: ModelRegistry
    let inputs: any InputLoading
    let engineSlots: AsyncSemaphore
    let leaseDuration: Duration
    let metrics: EaselMetrics
    let logger: Logger

    /// Why a run stopped without an outcome of its own.
    enum Interruption: Error {
        /// Another worker holds the job now; nothing more may be written.
        case leaseLost
        /// A client canceled the job (seen at a heartbeat, from another node).
        case canceled
    }

    func run(_ claimed: ClaimedJob, owner: String) async {
        await runToEnd(claimed, owner: owner)
        // Decoding inputs is where the process's heap grows most; give it back at once.
        _ = try? await BlockingExecutor.shared.run { ProcessMemory.trim() }
    }

    private func runToEnd(_ claimed: ClaimedJob, owner: String) async {
        let job = claimed.job
        var logger = logger
        logger[metadataKey: "job"] = "\(job.id)"
        logger[metadataKey: "attempt"] = "\(job.attempts)"
        metrics.jobStarted(job)
        do {
            let outcome = try await withLeaseKept(job: job, owner: owner) {
                try await produce(claimed, owner: owner)
            }
            let completed: Bool
            do {
                completed = try await store.complete(jobID: job.id, owner: owner, outcome: outcome)
            } catch {
                await discard(outcome.images)
                throw error
            }
            guard completed else {
                // Either the lease was lost, or a cancel arrived as the engine finished: it was
                // confirmed to the client, so it wins over the result.
                await discard(outcome.images)
                if await !finishIfCancelRequested(job, owner: owner, logger: logger) {
                    logger.warning("lease lost before completion; results discarded")
                }
                return
            }
            metrics.jobFinished("succeeded", job)
            logger.info("job succeeded", metadata: ["images": "\(outcome.images.count)"])
        } catch {
            await settle(job, owner: owner, after: error, logger: logger)
        }
    }

    private func settle(_ job: Job, owner: String, after error: any Error, logger: Logger) async {
        if Task.isCancelled || error as? Interruption == .canceled {
            // Checked first: a cancelled fetch or engine may report cancellation as its own error.
            // A client's cancel request is recorded as such; otherwise shutdown ran out of grace
            // and the job goes back, untouched, to the next worker.
            if await !finishIfCancelRequested(job, owner: owner, logger: logger) {
                logger.notice("job released for another worker (shutdown)")
                await record { try await store.release(jobID: job.id, owner: owner) }
            }
        } else if let lost = error as? EngineError, lost.requeuesJob {
            await requeue(job, owner: owner, after: lost, logger: logger)
        } else if let failure = error as? JobFailure {
            logger.info("job failed", metadata: ["code": "\(failure.code)", "reason": "\(failure.message)"])
            metrics.jobFailed(job, code: failure.code)
            await record { try await store.fail(jobID: job.id, owner: owner, failure: failure) }
        } else if case Interruption.leaseLost? = error as? Interruption {
            logger.warning("lease lost; another worker owns the job now")
        } else {
            logger.error("job failed unexpectedly", metadata: ["error": "\(error)"])
            let failure = JobFailure(code: .internalError, message: "internal error while running the job")
            metrics.jobFailed(job, code: failure.code)
            await record { try await store.fail(jobID: job.id, owner: owner, failure: failure) }
        }
    }

    /// The engine lost the job through no fault of the job's: run it again, unless this was
    /// its last allowed attempt (a job that keeps killing its runner must end somewhere).
    private func requeue(_ job: Job, owner: String, after lost: EngineError, logger: Logger) async {
        if job.attempts >= job.maxAttempts {
            logger.warning("engine lost the job on its last attempt", metadata: ["reason": "\(lost.message)"])
            let failure = JobFailure(lost)
            metrics.jobFailed(job, code: failure.code)
            await record { try await store.fail(jobID: job.id, owner: owner, failure: failure) }
        } else {
            logger.warning("engine lost the job; back in the queue", metadata: ["reason": "\(lost.message)"])
            await record { try await store.requeue(jobID: job.id, owner: owner) }
        }
    }

    private func produce(_ claimed: ClaimedJob, owner: String) async throws -> JobOutcome {
        guard let entry = registry.entry(for: claimed.model) else {
            throw JobFailure(code: .modelUnavailable, message: "model: \(claimed.model) is no longer served by this server")
        }
        let images = try await loadInputs(claimed.edit.imageURLs)
        return try await engineSlots.withPermits {
            try await edit(claimed, images: images, engine: entry.engine, owner: owner)
        }
    }

    /// Every input at once, so that several slow hosts cost one timeout, not one each.
    private func loadInputs(_ urls: [String]) async throws -> [InputImage] {
        try await withThrowingTaskGroup(of: (Int, InputImage).self) { group in
            for (index, url) in urls.enumerated() {
                group.addTask { (index, try await inputs.load(url, field: "image_urls[\(index)]")) }
            }
            var images = [InputImage?](repeating: nil, count: urls.count)
            for try await (index, image) in group { images[index] = image }
            try Task.checkCancellation()
            return images.compactMap { $0 }
        }
    }

    private func edit(
        _ claimed: ClaimedJob, images: [InputImage], engine: any ImageEditEngine, owner: String
    ) async throws -> JobOutcome {
        let job = claimed.job, arguments = claimed.edit
        let progress = ProgressRelay(store: store, jobID: job.id, owner: owner, start: 0.1, end: 0.9)
        progress.report(0)
        let request = EditRequest(
            jobID: job.id, prompt: arguments.prompt, negativePrompt: arguments.negativePrompt,
            images: images, width: arguments.width, height: arguments.height,
            numImages: arguments.numImages, promptExtend: arguments.promptExtend,
            seed: arguments.seed, outputFormat: arguments.outputFormat)
        let result: EditResult
        let started = ContinuousClock.now
        do {
            result = try await engine.edit(request) { progress.report($0.fraction) }
        } catch let error as EngineError where !error.requeuesJob {
            throw JobFailure(error)
        }
        metrics.engineRan(engine.descriptor.id, for: ContinuousClock.now - started)
        await progress.finish()
        try check(result, against: arguments)
        var stored: [StoredImage] = []
        do {
            for image in result.images {
                let name = RandomToken.make(bytes: 24) + "." + arguments.outputFormat.fileExtension
                try await blobs.write(image.data, name: name)
                stored.append(StoredImage(
                    name: name, width: image.width, height: image.height,
                    contentType: image.contentType, byteCount: image.data.count))
            }
        } catch {
            await discard(stored)
            throw error
        }
        return JobOutcome(images: stored, notApplied: result.notApplied, actualPrompt: result.actualPrompt)
    }

    /// The API promises exactly `num_images` images of exactly `width`×`height`.
    private func check(_ result: EditResult, against arguments: EditSpec) throws {
        guard result.images.count == arguments.numImages,
              result.images.allSatisfy({ $0.width == arguments.width && $0.height == arguments.height })
        else {
            let sizes = result.images.map { "\($0.width)×\($0.height)" }.joined(separator: ", ")
            throw JobFailure(
                code: .engineFailed,
                message: "engine returned [\(sizes)], not \(arguments.numImages) image(s) of \(arguments.width)×\(arguments.height)")
        }
    }

    /// Runs `body` while renewing the lease every third of its duration; if a renewal finds
    /// the lease gone, `body` is cancelled and the run ends with `Interruption.leaseLost`.
    private func withLeaseKept<T: Sendable>(
        job: Job, owner: String, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                while true {
                    try await Task.sleep(for: leaseDuration / 3)
                    let check: LeaseCheck
                    do {
                        check = try await store.renewLease(jobID: job.id, owner: owner, leaseDuration: leaseDuration)
                    } catch is CancellationError {
                        throw CancellationError()
                    } catch {
                        // A busy or failing store is no reason to give up the job: try again at the
                        // next beat. If it stays down, the lease runs out and another worker retries.
                        logger.warning("lease renewal failed", metadata: ["error": "\(error)"])
                        continue
                    }
                    switch check {
                    case .held: continue
                    case .lost: throw Interruption.leaseLost
                    case .cancelRequested: throw Interruption.canceled
                    }
                }
            }
            defer { group.cancelAll() }
            while let value = try await group.next() {
                if let value { return value }
            }
            throw CancellationError()
        }
    }

    /// Records the job as canceled when a client asked for it; false when nobody did.
    private func finishIfCancelRequested(_ job: Job, owner: String, logger: Logger) async -> Bool {
        guard await cancelRequested(job.id) else { return false }
        logger.info("job canceled at the client's request")
        metrics.jobFinished("canceled", job)
        await record { try await store.finishCanceled(jobID: job.id, owner: owner) }
        return true
    }

    private func cancelRequested(_ jobID: String) async -> Bool {
        do {
            return try await Task { try await store.job(id: jobID, keyID: nil)?.cancelRequested ?? false }.value
        } catch {
            logger.error("could not read the job's cancel flag", metadata: ["error": "\(error)"])
            return false
        }
    }

    private func discard(_ images: [StoredImage]) async {
        for image in images {
            do { try await blobs.delete(name: image.name) } catch {
                logger.warning("could not delete orphaned blob", metadata: ["blob": "\(image.name)", "error": "\(error)"])
            }
        }
    }

    /// Store writes at the end of a run. They run in a task of their own so that a run
    /// cancelled by shutdown still records its outcome (the store refuses cancelled callers).
    /// A failure here is logged; the lease expiry then puts the job back in the queue, so
    /// nothing is lost.
    private func record(_ write: @escaping @Sendable () async throws -> Bool) async {
        do {
            if try await !Task { try await write() }.value {
                logger.warning("lease lost before the outcome was recorded")
            }
        } catch {
            logger.error("could not record job outcome", metadata: ["error": "\(error)"])
        }
    }
}
