import EaselCore
import EaselImaging
import Foundation
import Logging

/// Generative edits with an open-weight Qwen-Image-Edit model (Qwen-Image-Edit, -2509 or
/// -2511), run by Python runners in `runners/diffusers`, one per device, in a `RunnerPool`.
///
/// Inputs are decoded and capped here (the runner only ever reads PNG files Easel wrote),
/// handed over in a per-job scratch folder with the prompt, and the runner's PNG results are
/// checked for size and encoded in the requested format. A job without a seed gets one
/// derived from its id, so a job re-run after a runner crash gives the same pixels.
public struct DiffusionEngine: ImageEditEngine {
    public static let id = "diffusion"
    /// The pipeline works from ~1 MP copies of its inputs; anything much larger only costs
    /// time to write and read, so inputs are reduced to this first.
    static let maxInputPixelsForRunner = 2048 * 2048

    public let descriptor: EngineDescriptor
    public let pool: RunnerPool
    let scratch: URL
    let limits: ImagingLimits
    let executor: BlockingExecutor
    let decodeBudget: DecodeBudget

    /// Starts one runner and waits for its model to load.
    public static func start(
        configuration: RunnerConfiguration, limits: ImagingLimits, logger: Logger,
        executor: BlockingExecutor = .shared, decodeBudget: DecodeBudget = DecodeBudget(bytes: DecodeBudget.defaultBytes)
    ) async throws -> DiffusionEngine {
        try await start(
            configurations: [configuration], limits: limits, logger: logger, executor: executor, decodeBudget: decodeBudget)
    }

    /// Starts one runner per configuration (one per device) and waits for all to load.
    /// - Throws: `RunnerFailure.startup` naming what is wrong (weights folder, Python
    ///   environment, device) when a runner cannot start.
    public static func start(
        configurations: [RunnerConfiguration], limits: ImagingLimits, logger: Logger,
        executor: BlockingExecutor = .shared, decodeBudget: DecodeBudget = DecodeBudget(bytes: DecodeBudget.defaultBytes)
    ) async throws -> DiffusionEngine {
        let scratch = configurations[0].scratchDirectory
        // Folders left by a previous process that died are of no use to anyone.
        try await executor.run {
            try? FileManager.default.removeItem(at: scratch)
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        }
        let pool = RunnerPool(configurations: configurations, logger: logger)
        let ready = try await pool.start()
        let devices = configurations.map(\.device.description).joined(separator: ", ")
        let descriptor = EngineDescriptor(
            id: id,
            summary: "Qwen-Image-Edit (\(ready.variant == "edit" ? "original" : ready.variant)) through diffusers on \(devices), \(ready.dtype)",
            maxInputImages: ready.maxInputImages)
        return DiffusionEngine(
            descriptor: descriptor, pool: pool, scratch: scratch, limits: limits, executor: executor,
            decodeBudget: decodeBudget)
    }

    /// How many edits can run at once: one per runner.
    public var runnerCount: Int { pool.supervisors.count }

    public func edit(
        _ request: EditRequest,
        progress: @escaping @Sendable (EditProgress) -> Void
    ) async throws -> EditResult {
        try validate(request)
        let folder = scratch.appendingPathComponent("\(request.jobID)-\(RandomToken.hex(bytes: 4))", isDirectory: true)
        try await executor.run { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        do {
            let result = try await edit(request, in: folder, progress: progress)
            await removeScratch(folder)
            return result
        } catch {
            await removeScratch(folder)
            throw error
        }
    }

    /// The folder's files go on the blocking executor, like every other file operation.
    private func removeScratch(_ folder: URL) async {
        _ = try? await executor.run { try FileManager.default.removeItem(at: folder) }
    }

    private func edit(
        _ request: EditRequest, in folder: URL, progress: @escaping @Sendable (EditProgress) -> Void
    ) async throws -> EditResult {
        let inputs = try await writeInputs(request.images, into: folder)
        progress(EditProgress(fraction: 0.02))
        let edit = RunnerEdit(
            id: request.jobID, prompt: request.prompt, negativePrompt: request.negativePrompt, images: inputs,
            width: request.width, height: request.height, numImages: request.numImages,
            seed: request.seed ?? Self.derivedSeed(jobID: request.jobID), promptExtend: request.promptExtend,
            outputDirectory: folder.path)
        let done: RunnerDone
        do {
            done = try await pool.perform(edit) { update in
                if case .progress(_, let step, let steps) = update, steps > 0 {
                    progress(EditProgress(fraction: 0.02 + 0.93 * Double(step) / Double(steps)))
                }
            }
        } catch let failure as RunnerFailure {
            throw Self.engineError(failure)
        }
        let images = try await readOutputs(done, in: folder, for: request)
        progress(EditProgress(fraction: 1))
        return EditResult(images: images, actualPrompt: request.promptExtend ? done.prompt : nil)
    }

    /// A runner that is gone or cannot start is not the job's fault: the job goes back in
    /// the queue. A runner's refusal is.
    static func engineError(_ failure: RunnerFailure) -> EngineError {
        switch failure {
        case .startup(let message): .runnerLost("the diffusion runner is not available: \(message)")
        case .lost(let message): .runnerLost(message)
        case .job(.outOfMemory, let message): .failure("diffusion runner ran out of memory: \(message)")
        case .job(_, let message): .failure("diffusion runner: \(message)")
        }
    }

    /// FNV-1a of the job id: stable across attempts and processes, unlike `hashValue`.
    static func derivedSeed(jobID: String) -> UInt64 {
        jobID.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
