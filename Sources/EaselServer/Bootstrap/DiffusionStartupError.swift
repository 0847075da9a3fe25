import EaselEngines

/// The diffusion runner could not start; `easel serve` prints this and exits.
public struct DiffusionStartupError: Error, CustomStringConvertible {
    let settings: DiffusionSettings
    let failure: RunnerFailure

    public var description: String {
        """
        the diffusion engine could not start (--diffusion-weights \(settings.weights ?? "")): \(failure)
        Check that the folder is a diffusers-format Qwen-Image-Edit, -2509 or -2511 model and that \
        \(settings.python) belongs to the runner's environment (create it with runners/diffusers/setup.sh).
        """
    }
}
