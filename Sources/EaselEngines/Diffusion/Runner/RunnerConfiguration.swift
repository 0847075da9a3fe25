import Foundation

/// How to start the diffusion runner (`runners/diffusers`) and what to load into it.
/// Operators set these through `easel serve --diffusion-*` (see docs/DIFFUSION.md).
public struct RunnerConfiguration: Sendable {
    /// The Python interpreter of the runner's environment (made by `runners/diffusers/setup.sh`).
    public var python: String
    /// A diffusers-format Qwen-Image-Edit folder: Qwen-Image-Edit, -2509 or -2511.
    public var weights: String
    /// `auto`, `cpu` or `cuda`.
    public var device = "auto"
    /// Lightning-style LoRA weights for few-step editing without CFG, and their step count.
    public var lora: String?
    public var loraSteps = 8
    /// Regional `torch.compile` of the transformer's repeated blocks.
    public var compile = false
    /// FP8 transformer weights.
    public var fp8 = false
    /// `none`, `model` or `sequential` CPU offload, for cards smaller than the model.
    public var offload = "none"
    /// Bounds of the area the model generates at (the result is then resampled to the exact
    /// size asked for); nil keeps the runner's defaults.
    public var maxPixels: Int?
    public var minPixels: Int?
    /// Per-job folders for the images passed to and from the runner.
    public var scratchDirectory: URL
    /// Loading a 20B model from disk takes minutes; a runner silent for longer is killed.
    public var startupTimeout: Duration = .seconds(900)
    /// How long a runner may take to confirm a cancel (one denoising step) before it is killed.
    public var cancelGrace: Duration = .seconds(60)
    /// Extra environment for the runner, e.g. `CUDA_VISIBLE_DEVICES`. Hub access is off: the
    /// weights folder is all the runner may read.
    public var environment: [String: String?] = ["HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"]

    public init(python: String, weights: String, scratchDirectory: URL) {
        self.python = python
        self.weights = weights
        self.scratchDirectory = scratchDirectory
    }

    /// The runner's command line after the interpreter.
    public var arguments: [String] {
        var arguments = ["-m", "easel_runner", "--weights", weights, "--device", device, "--offload", offload]
        if let lora { arguments += ["--lora", lora, "--lora-steps", String(loraSteps)] }
        if compile { arguments.append("--compile") }
        if fp8 { arguments.append("--fp8") }
        if let maxPixels { arguments += ["--max-pixels", String(maxPixels)] }
        if let minPixels { arguments += ["--min-pixels", String(minPixels)] }
        return arguments
    }
}
