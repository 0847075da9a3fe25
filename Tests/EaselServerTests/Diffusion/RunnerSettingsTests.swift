import Foundation
import Testing
@testable import EaselEngines
@testable import EaselServer

/// The runner settings behind the failure handling: the cancel deadline, the runner's extra
/// environment, the pauses between failed starts.
@Suite struct RunnerSettingsTests {
    let scratch = URL(fileURLWithPath: "/srv/easel/runner")

    @Test func aCancelIsConfirmedWithinSixtySecondsUnlessSetOtherwise() throws {
        let defaults = try ServerSettings(arguments: ["--diffusion-weights", "/models/q"], environment: [:])
        #expect(defaults.diffusion.runnerConfiguration(scratch: scratch)?.cancelGrace == .seconds(60))
        let flag = try ServerSettings(arguments: ["--diffusion-weights", "/models/q", "--diffusion-cancel-seconds", "2.5"], environment: [:])
        #expect(flag.diffusion.runnerConfiguration(scratch: scratch)?.cancelGrace == .milliseconds(2500))
        let variable = try ServerSettings(
            arguments: ["--diffusion-weights", "/models/q"], environment: ["EASEL_DIFFUSION_CANCEL_SECONDS": "5"])
        #expect(variable.diffusion.runnerConfiguration(scratch: scratch)?.cancelGrace == .seconds(5))
        let error = #expect(throws: SettingsError.self) {
            try ServerSettings(arguments: ["--diffusion-cancel-seconds", "0"], environment: [:])
        }
        #expect(error?.description
            == "--diffusion-cancel-seconds / EASEL_DIFFUSION_CANCEL_SECONDS: must be a positive number of seconds (got \"0\")")
    }

    @Test func extraRunnerEnvironmentKeepsTheHubOff() {
        var diffusion = DiffusionSettings()
        diffusion.weights = "/models/q"
        diffusion.environment = ["CUDA_VISIBLE_DEVICES": "1"]
        let environment = diffusion.runnerConfiguration(scratch: scratch)?.environment
        #expect(environment == ["HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "CUDA_VISIBLE_DEVICES": "1"])
    }

    @Test func pausesBetweenFailedStartsGrowUpToAMinute() {
        let pauses = (1...8).map { RunnerSupervisor.restartPause(afterFailedStarts: $0) }
        #expect(pauses == [2, 4, 8, 16, 32, 60, 60, 60].map { Duration.seconds($0) })
    }
}
