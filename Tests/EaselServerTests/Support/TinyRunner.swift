import EaselServer
import Foundation
import Testing

/// The diffusion runner's environment and a tiny random Qwen-Image-Edit-Plus pipeline, both
/// made by `scripts/test.sh` (`runners/diffusers/setup.sh`, then `scripts/tiny-weights.sh`).
/// Their places can be overridden with EASEL_TEST_RUNNER_PYTHON and EASEL_TEST_TINY_WEIGHTS.
enum TinyRunner {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var python: String {
        ProcessInfo.processInfo.environment["EASEL_TEST_RUNNER_PYTHON"]
            ?? packageRoot.appendingPathComponent("runners/diffusers/.venv/bin/python").path
    }

    static var weights: String {
        ProcessInfo.processInfo.environment["EASEL_TEST_TINY_WEIGHTS"]
            ?? packageRoot.appendingPathComponent(".build/easel-tiny-weights/2509").path
    }

    /// Fails the test with the command that makes what is missing, rather than skipping it.
    static func requireSetUp() throws {
        let missing = [python, weights + "/model_index.json"].filter { !FileManager.default.fileExists(atPath: $0) }
        guard missing.isEmpty else {
            Issue.record("missing \(missing.joined(separator: ", ")): run scripts/test.sh, which sets up the runner")
            throw MissingSetUp()
        }
    }

    struct MissingSetUp: Error {}

    /// Server settings that serve the seed's model with the tiny pipeline, generating at
    /// about 48×48 so that a 40-step edit takes seconds on two CPU cores.
    @Sendable static func configure(_ settings: inout ServerSettings) {
        settings.diffusion.weights = weights
        settings.diffusion.python = python
        settings.diffusion.devices = .list([.cpu])
        settings.diffusion.maxPixels = 48 * 48
        settings.diffusion.minPixels = 32 * 32
        settings.diffusion.startupTimeout = .seconds(300)
        // One torch thread per runner: the tiny model gains nothing from more, and the suite
        // runs several runners beside everything else on two cores.
        settings.diffusion.environment["OMP_NUM_THREADS"] = "1"
        settings.workers = 1
        settings.logLevel = "error"
    }
}
