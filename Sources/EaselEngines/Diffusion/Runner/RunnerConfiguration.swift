import Foundation

/// How to start one diffusion runner (`runners/diffusers`): the model, the device it owns,
/// and the options every runner of the engine shares (read through this type as its own
/// properties, e.g. `configuration.maxPixels`).
@dynamicMemberLookup
public struct RunnerConfiguration: Sendable {
    /// A diffusers-format Qwen-Image-Edit folder: Qwen-Image-Edit, -2509 or -2511.
    public var weights: String
    public var device: RunnerDevice
    public var options: RunnerOptions
    /// Per-job folders for the images passed to and from the runner.
    public var scratchDirectory: URL

    public init(
        python: String, weights: String, device: RunnerDevice = .cpu, options: RunnerOptions = RunnerOptions(),
        scratchDirectory: URL
    ) {
        self.weights = weights
        self.device = device
        self.options = options
        self.options.python = python
        self.scratchDirectory = scratchDirectory
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<RunnerOptions, Value>) -> Value {
        get { options[keyPath: keyPath] }
        set { options[keyPath: keyPath] = newValue }
    }

    /// The runner's command line after the interpreter.
    public var arguments: [String] {
        ["-m", "easel_runner", "--weights", weights, "--device", device.runnerFlag] + options.arguments
    }

    /// The environment over the server's own: the operator's extra variables, the hub off
    /// (the weights folder is all the runner may read), and only this runner's device visible.
    /// nil removes a variable.
    public func processEnvironment(inherited: [String: String] = ProcessInfo.processInfo.environment) throws -> [String: String?] {
        var environment = options.environment.mapValues { $0 as String? }
        environment["HF_HUB_OFFLINE"] = "1"
        environment["TRANSFORMERS_OFFLINE"] = "1"
        let visible = options.environment["CUDA_VISIBLE_DEVICES"] ?? inherited["CUDA_VISIBLE_DEVICES"]
        guard let own = device.visibleDevices(inherited: visible) else {
            throw RunnerFailure.startup(
                "\(device) is not among CUDA_VISIBLE_DEVICES=\(visible ?? "") (GPUs are numbered from 0 in that list)")
        }
        environment["CUDA_VISIBLE_DEVICES"] = own
        return environment
    }
}
