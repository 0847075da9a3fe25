import Foundation
import Testing
@testable import EaselEngines
@testable import EaselServer

/// The runner settings behind the failure handling: the cancel deadline, the runner's extra
/// environment, the pauses between failed starts.
@Suite struct RunnerSettingsTests {
    let scratch = URL(fileURLWithPath: "/srv/easel/runner")

    @Test func aCancelIsConfirmedWithinSixtySecondsUnlessSetOtherwise() async throws {
        let defaults = try ServerSettings(arguments: ["--diffusion-weights", "/models/q", "--diffusion-devices", "cpu"], environment: [:])
        #expect(try await defaults.diffusion.runnerConfigurations(scratch: scratch)?.first?.cancelGrace == .seconds(60))
        let flag = try ServerSettings(
            arguments: ["--diffusion-weights", "/models/q", "--diffusion-devices", "cpu", "--diffusion-cancel-seconds", "2.5"],
            environment: [:])
        #expect(try await flag.diffusion.runnerConfigurations(scratch: scratch)?.first?.cancelGrace == .milliseconds(2500))
        let variable = try ServerSettings(
            arguments: ["--diffusion-weights", "/models/q", "--diffusion-devices", "cpu"],
            environment: ["EASEL_DIFFUSION_CANCEL_SECONDS": "5"])
        #expect(try await variable.diffusion.runnerConfigurations(scratch: scratch)?.first?.cancelGrace == .seconds(5))
        let error = #expect(throws: SettingsError.self) {
            try ServerSettings(arguments: ["--diffusion-cancel-seconds", "0"], environment: [:])
        }
        #expect(error?.description
            == "--diffusion-cancel-seconds / EASEL_DIFFUSION_CANCEL_SECONDS: must be a positive number of seconds (got \"0\")")
    }

    /// One runner per device, each with the same options; `auto` asks how many GPUs there are.
    @Test func oneRunnerPerDeviceWithTheSameOptions() async throws {
        let settings = try ServerSettings(
            arguments: ["--diffusion-weights", "/models/q", "--diffusion-devices", "cuda:1,cuda:0", "--diffusion-cache", "first-block:0.08",
                        "--diffusion-offload", "model"],
            environment: [:])
        let configurations = try #require(try await settings.diffusion.runnerConfigurations(scratch: scratch) { _ in
            Issue.record("an explicit list asks no one")
            return 0
        })
        #expect(configurations.map(\.device) == [.cuda(1), .cuda(0)])
        for configuration in configurations {
            #expect(configuration.options == settings.diffusion.runner && configuration.weights == "/models/q")
            #expect(configuration.arguments.suffix(4) == ["--offload", "model", "--cache", "first-block:0.08"])
        }
        var auto = settings.diffusion
        auto.devices = .auto
        #expect(try await auto.runnerConfigurations(scratch: scratch) { _ in 3 }?.map(\.device) == [.cuda(0), .cuda(1), .cuda(2)])
        #expect(try await auto.runnerConfigurations(scratch: scratch) { _ in 0 }?.map(\.device) == [.cpu])
        #expect(try await DiffusionSettings().runnerConfigurations(scratch: scratch) == nil, "no weights, no runner")
        let off = try ServerSettings(arguments: ["--diffusion-cache", "off"], environment: ["EASEL_DIFFUSION_DEVICES": "cpu,cpu"])
        #expect(off.diffusion.cache == nil && off.diffusion.devices == .list([.cpu, .cpu]))
    }

    /// `auto` on this machine, through the runner's real interpreter: no GPU, one CPU runner.
    @Test func autoAsksTheRunnersPyTorch() async throws {
        try TinyRunner.requireSetUp()
        var diffusion = DiffusionSettings()
        diffusion.python = TinyRunner.python
        #expect(try await RunnerGPUCount.ask(options: diffusion.runner) == 0)
        diffusion.python = "/nonexistent/python"
        await #expect(throws: RunnerFailure.self) { try await RunnerGPUCount.ask(options: diffusion.runner) }
    }

    @Test func extraRunnerEnvironmentKeepsTheHubOff() async throws {
        var diffusion = DiffusionSettings()
        diffusion.weights = "/models/q"
        diffusion.devices = .list([.cpu])
        diffusion.environment = ["HF_HUB_OFFLINE": "0", "OMP_NUM_THREADS": "2"]
        let environment = try #require(try await diffusion.runnerConfigurations(scratch: scratch)?.first).processEnvironment(inherited: [:])
        #expect(environment == [
            "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "OMP_NUM_THREADS": "2", "CUDA_VISIBLE_DEVICES": "",
        ])
    }

    @Test func pausesBetweenFailedStartsGrowUpToAMinute() {
        let pauses = (1...8).map { RunnerSupervisor.restartPause(afterFailedStarts: $0) }
        #expect(pauses == [2, 4, 8, 16, 32, 60, 60, 60].map { Duration.seconds($0) })
    }
}
