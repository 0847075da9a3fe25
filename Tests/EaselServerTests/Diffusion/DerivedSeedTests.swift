import EaselCore
import EaselEngines
import EaselImaging
import Foundation
import Logging
import Synchronization
import Testing

/// A job without a seed gets one derived from its id: run again after its runner was killed
/// (as the worker does after `runner_lost`), it gives the pixels its first run would have.
@Suite(.serialized) struct DerivedSeedTests {
    @Test func aSeedlessJobRerunAfterACrashGivesTheSamePixels() async throws {
        try TinyRunner.requireSetUp()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("easel-seed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var configuration = RunnerConfiguration(python: TinyRunner.python, weights: TinyRunner.weights, scratchDirectory: scratch)
        configuration.maxPixels = 48 * 48
        configuration.minPixels = 32 * 32
        let hold = try RunnerFault()
        configuration.options.environment["EASEL_RUNNER_FAULT_FILE"] = hold.file.path
        var logger = Logger(label: "derived-seed-test")
        logger.logLevel = .error
        let engine = try await DiffusionEngine.start(configuration: configuration, limits: .default, logger: logger)
        let input = InputImage(data: try ImageFixture.png(width: 160, height: 120), field: "image_urls[0]")
        let seedless: @Sendable (String) -> EditRequest = { id in
            EditRequest(jobID: id, prompt: "make it sunset", images: [input], width: 96, height: 64, numImages: 2)
        }

        let clean = try await engine.edit(seedless("job-a")) { _ in }

        // The same job again, held at its first step so that it cannot finish first, its runner
        // killed from the progress report: the engine gives the job back.
        try hold.set(.holdAtStep)
        let pid = try #require(await engine.pool.supervisors[0].status.ready?.pid)
        let killed = Mutex<Int32?>(nil)
        let interrupted = Task {
            try await engine.edit(seedless("job-a")) { update in
                guard update.fraction > 0 else { return }
                killed.withLock { if $0 == nil { $0 = kill(pid, SIGKILL) } }
            }
        }
        let lost = await #expect(throws: EngineError.self) { try await interrupted.value }
        #expect(lost?.requeuesJob == true, "\(String(describing: lost))")
        #expect(killed.withLock { $0 } == 0, "the runner was killed mid-denoising")
        try hold.set(nil)

        // Its next attempt runs on a new runner process.
        let retried = try await engine.edit(seedless("job-a")) { _ in }
        let status = await engine.pool.supervisors[0].status
        #expect(status.restarts == 1 && status.ready?.pid != pid)
        #expect(retried.images.map(\.data) == clean.images.map(\.data), "the retry gives the first run's pixels")
        #expect(clean.images[0].data != clean.images[1].data, "each image of a job has its own seed")

        // The seed comes from the id: another seedless job gets other pixels.
        let other = try await engine.edit(seedless("job-b")) { _ in }
        #expect(other.images[0].data != clean.images[0].data)
        await engine.pool.stop()
    }
}
