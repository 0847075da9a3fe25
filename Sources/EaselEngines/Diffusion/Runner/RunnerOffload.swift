/// Diffusers' CPU offload (`--offload`), for cards smaller than the model.
public enum RunnerOffload: String, Sendable, CaseIterable {
    case none
    /// Whole models move to the GPU when used.
    case model
    /// Layer by layer: the least memory, the slowest.
    case sequential
}
