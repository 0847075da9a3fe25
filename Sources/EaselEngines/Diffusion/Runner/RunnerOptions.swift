import Foundation

/// What every runner of the engine loads and how it is supervised: declared once, here, and
/// read by `easel serve --diffusion-*` (see docs/DIFFUSION.md) and by `RunnerConfiguration`.
public struct RunnerOptions: Sendable, Equatable {
    /// The Python interpreter of the runner's environment (made by `runners/diffusers/setup.sh`).
    public var python = "runners/diffusers/.venv/bin/python"
    /// Lightning-style LoRA weights for few-step editing without CFG, and their step count.
    public var lora: String?
    public var loraSteps = 8
    /// Regional `torch.compile` of the transformer's repeated blocks.
    public var compile = false
    /// FP8 transformer weights.
    public var fp8 = false
    public var offload = RunnerOffload.none
    /// Step caching; nil is off.
    public var cache: RunnerCache?
    /// Bounds of the area the model generates at (the result is then resampled to the exact
    /// size asked for); nil keeps the runner's defaults.
    public var maxPixels: Int?
    public var minPixels: Int?
    /// Loading a 20B model from disk takes minutes; a runner silent for longer is killed.
    public var startupTimeout: Duration = .seconds(900)
    /// How long a runner may take to confirm a cancel (one denoising step) before it is killed.
    public var cancelGrace: Duration = .seconds(60)
    /// Extra environment for the runner over the server's own. The hub stays off and
    /// `CUDA_VISIBLE_DEVICES` follows the runner's device whatever this says.
    public var environment: [String: String] = [:]

    public init() {}

    /// The runner's flags after `--weights` and `--device`.
    var arguments: [String] {
        var arguments = ["--offload", offload.rawValue]
        if let lora { arguments += ["--lora", lora, "--lora-steps", String(loraSteps)] }
        if compile { arguments.append("--compile") }
        if fp8 { arguments.append("--fp8") }
        if let cache { arguments += ["--cache", cache.description] }
        if let maxPixels { arguments += ["--max-pixels", String(maxPixels)] }
        if let minPixels { arguments += ["--min-pixels", String(minPixels)] }
        return arguments
    }
}
