import EaselEngines
import Foundation

/// The diffusion engine's settings. Naming a weights folder turns it on: the hosted API's
/// model id is then served by Qwen-Image-Edit, and `easel/classic` keeps the classic engine.
/// What each runner loads is `RunnerOptions`, declared once in the engine and read here as
/// this type's own properties (`settings.diffusion.maxPixels`).
@dynamicMemberLookup
public struct DiffusionSettings: Sendable {
    /// A diffusers-format Qwen-Image-Edit, -2509 or -2511 folder; nil leaves the engine off.
    public var weights: String?
    /// One runner per device listed, or per GPU the runner's PyTorch sees.
    public var devices = RunnerDevices.auto
    public var runner = RunnerOptions()

    public init() {}

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<RunnerOptions, Value>) -> Value {
        get { runner[keyPath: keyPath] }
        set { runner[keyPath: keyPath] = newValue }
    }

    public var isEnabled: Bool { weights != nil }

    /// One configuration per device; `auto` asks the runner's interpreter for its GPUs.
    /// nil when the engine is off.
    func runnerConfigurations(
        scratch: URL, gpuCount: (RunnerOptions) async throws -> Int = RunnerGPUCount.ask
    ) async throws -> [RunnerConfiguration]? {
        guard let weights else { return nil }
        let devices = try await devices.resolved { try await gpuCount(runner) }
        return devices.map {
            RunnerConfiguration(python: runner.python, weights: weights, device: $0, options: runner, scratchDirectory: scratch)
        }
    }
}

extension DiffusionSettings {
    init(source: SettingSource) throws {
        self.init()
        weights = source.string(.diffusionWeights)
        runner.python = source.string(.diffusionPython) ?? runner.python
        if let raw = source.commaSeparated(.diffusionDevices) {
            guard let devices = RunnerDevices(raw) else {
                throw SettingsError(setting: .diffusionDevices, rule: RunnerDevices.rule, got: raw)
            }
            self.devices = devices
        }
        runner.lora = source.string(.diffusionLora)
        runner.loraSteps = try source.integer(.diffusionLoraSteps, in: 1...100) ?? runner.loraSteps
        runner.compile = try source.flag(.diffusionCompile) ?? runner.compile
        runner.fp8 = try source.flag(.diffusionFP8) ?? runner.fp8
        if let offload = try source.choice(.diffusionOffload, of: RunnerOffload.allCases.map(\.rawValue)) {
            runner.offload = RunnerOffload(rawValue: offload) ?? runner.offload
        }
        if let raw = source.string(.diffusionCache), raw != "off" {
            guard let cache = RunnerCache(raw) else {
                throw SettingsError(setting: .diffusionCache, rule: RunnerCache.rule, got: raw)
            }
            runner.cache = cache
        }
        runner.maxPixels = try source.integer(.diffusionMaxPixels, in: 256...16_777_216)
        runner.minPixels = try source.integer(.diffusionMinPixels, in: 256...16_777_216)
        runner.startupTimeout = try source.seconds(.diffusionStartupSeconds) ?? runner.startupTimeout
        runner.cancelGrace = try source.seconds(.diffusionCancelSeconds) ?? runner.cancelGrace
        if let minPixels = runner.minPixels, let maxPixels = runner.maxPixels, minPixels > maxPixels {
            throw SettingsError(setting: .diffusionMinPixels, rule: "must not exceed --diffusion-max-pixels (\(maxPixels))",
                                got: String(minPixels))
        }
    }
}
