import EaselEngines
import Foundation

/// The diffusion engine's settings. Naming a weights folder turns it on: the hosted API's
/// model id is then served by Qwen-Image-Edit, and `easel/classic` keeps the classic engine.
public struct DiffusionSettings: Sendable {
    /// A diffusers-format Qwen-Image-Edit, -2509 or -2511 folder; nil leaves the engine off.
    public var weights: String?
    /// The runner environment's interpreter (`runners/diffusers/setup.sh` makes it).
    public var python = "runners/diffusers/.venv/bin/python"
    public var device = "auto"
    /// Lightning-style LoRA weights (4 or 8 steps, CFG off) and their step count.
    public var lora: String?
    public var loraSteps = 8
    public var compile = false
    public var fp8 = false
    public var offload = "none"
    public var maxPixels: Int?
    public var minPixels: Int?
    public var startupTimeout: Duration = .seconds(900)
    /// How long a runner may take to confirm a cancel (one denoising step) before it is killed
    /// and restarted.
    public var cancelGrace: Duration = .seconds(60)
    /// Extra environment for the runner process, over the server's own.
    public var environment: [String: String] = [:]

    public init() {}

    public var isEnabled: Bool { weights != nil }

    func runnerConfiguration(scratch: URL) -> RunnerConfiguration? {
        guard let weights else { return nil }
        var configuration = RunnerConfiguration(python: python, weights: weights, scratchDirectory: scratch)
        configuration.device = device
        configuration.lora = lora
        configuration.loraSteps = loraSteps
        configuration.compile = compile
        configuration.fp8 = fp8
        configuration.offload = offload
        configuration.maxPixels = maxPixels
        configuration.minPixels = minPixels
        configuration.startupTimeout = startupTimeout
        configuration.cancelGrace = cancelGrace
        configuration.environment.merge(environment.mapValues { $0 as String? }) { _, new in new }
        return configuration
    }
}

extension DiffusionSettings {
    init(source: SettingSource) throws {
        self.init()
        weights = source.string(.diffusionWeights)
        python = source.string(.diffusionPython) ?? python
        device = try source.choice(.diffusionDevice, of: ["auto", "cpu", "cuda"]) ?? device
        lora = source.string(.diffusionLora)
        loraSteps = try source.integer(.diffusionLoraSteps, in: 1...100) ?? loraSteps
        compile = try source.flag(.diffusionCompile) ?? compile
        fp8 = try source.flag(.diffusionFP8) ?? fp8
        offload = try source.choice(.diffusionOffload, of: ["none", "model", "sequential"]) ?? offload
        maxPixels = try source.integer(.diffusionMaxPixels, in: 256...16_777_216)
        minPixels = try source.integer(.diffusionMinPixels, in: 256...16_777_216)
        startupTimeout = try source.seconds(.diffusionStartupSeconds) ?? startupTimeout
        cancelGrace = try source.seconds(.diffusionCancelSeconds) ?? cancelGrace
        if let minPixels, let maxPixels, minPixels > maxPixels {
            throw SettingsError(setting: .diffusionMinPixels, rule: "must not exceed --diffusion-max-pixels (\(maxPixels))",
                                got: String(minPixels))
        }
    }
}
