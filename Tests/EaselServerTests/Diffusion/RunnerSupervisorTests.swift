import EaselEngines
import EaselImaging
import Foundation
import Logging
import Synchronization
import Testing

/// The supervisor against the real runner process with the tiny pipeline: one edit at a time,
/// waiters that can be cancelled, a clean stop.
@Suite(.serialized) struct RunnerSupervisorTests {
    @Test func editsTakeTurnsAndCancelStopsThemBetweenSteps() async throws {
        try TinyRunner.requireSetUp()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("easel-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("in.png")
        try Raster.synthetic(width: 96, height: 64, pattern: .gradient).encoded(as: .png()).write(to: input)

        var configuration = RunnerConfiguration(python: TinyRunner.python, weights: TinyRunner.weights, scratchDirectory: scratch)
        configuration.maxPixels = 48 * 48
        configuration.minPixels = 32 * 32
        // The first edit holds at its first step until both waiters are in line: it cannot
        // finish before they arrive, however fast or slow the machine.
        let hold = try RunnerFault(.holdAtStep)
        configuration.options.environment["EASEL_RUNNER_FAULT_FILE"] = hold.file.path
        var logger = Logger(label: "runner-test")
        logger.logLevel = .error
        let supervisor = RunnerSupervisor(configuration: configuration, logger: logger)
        let ready = try await supervisor.start()
        #expect(ready.variant == "2509" && ready.device == "cpu" && ready.dtype == "float32")

        let edit: @Sendable (String, Int) -> RunnerEdit = { id, steps in
            RunnerEdit(
                id: id, prompt: "add a red hat", negativePrompt: nil, images: [input.path], width: 200, height: 120,
                numImages: 1, seed: 5, steps: steps, promptExtend: false,
                outputDirectory: scratch.appendingPathComponent(id).path)
        }
        // Three edits at once: they run one after another, and each sees only its own messages.
        let order = ProgressOrder()
        let first = Task {
            try await supervisor.perform(edit("first", 30)) { update in
                if case .progress(let id, _, _) = update { order.append(id) }
            }
        }
        try await eventually("the first edit to start denoising", timeout: .seconds(120)) { !order.ids.isEmpty }
        let second = Task {
            try await supervisor.perform(edit("second", 2)) { update in
                if case .progress(let id, _, _) = update { order.append(id) }
            }
        }
        try await eventually("the second edit to wait its turn") { await supervisor.status.waiting == 1 }
        let leaving = Task { try await supervisor.perform(edit("leaving", 2)) { _ in } }
        try await eventually("the third edit to wait its turn") { await supervisor.status.waiting == 2 }
        leaving.cancel()
        await #expect(throws: CancellationError.self) { try await leaving.value }
        #expect(await supervisor.status.waiting == 1, "a waiter that leaves gives up its place")
        try hold.set(nil)

        let firstDone = try await first.value
        let secondDone = try await second.value
        #expect(firstDone.id == "first" && secondDone.id == "second")
        #expect(order.ids == Array(repeating: "first", count: 30) + ["second", "second"])
        let image = try Raster.decode(try Data(contentsOf: URL(fileURLWithPath: secondDone.images[0])))
        #expect(image.width == 200 && image.height == 120)
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("leaving").path), "a waiter that left never ran")

        // Cancelling a running edit stops the runner between steps, long before its last one,
        // and the same process serves on.
        let steps = ProgressOrder()
        let long = Task {
            try await supervisor.perform(edit("long", 200)) { update in
                if case .progress(let id, _, _) = update { steps.append(id) }
            }
        }
        try await eventually("the long edit to start denoising", timeout: .seconds(120)) { !steps.ids.isEmpty }
        long.cancel()
        await #expect(throws: CancellationError.self) { try await long.value }
        #expect(steps.ids.count < 200, "stopped after \(steps.ids.count) of 200 steps")
        _ = try await supervisor.perform(edit("after-cancel", 2)) { _ in }
        #expect(await supervisor.status.restarts == 0)

        await supervisor.stop()
        #expect(await supervisor.status.ready == nil)
        await #expect(throws: RunnerFailure.self) { try await supervisor.perform(edit("after", 2)) { _ in } }
    }
}

/// Which job each progress message belonged to, in arrival order.
private final class ProgressOrder: Sendable {
    private let state = Mutex<[String]>([])
    func append(_ id: String) { state.withLock { $0.append(id) } }
    var ids: [String] { state.withLock { $0 } }
}
