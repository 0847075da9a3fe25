/// What a runner says about itself once its model is loaded (protocol v1 `ready`).
public struct RunnerReady: Sendable, Equatable, Decodable {
    /// What loading applied, as the runner read it back from the model, not the flags asked for.
    public struct Options: Sendable, Equatable, Decodable {
        public var lora: Bool
        public var compile: Bool
        /// Transformer blocks that run through `torch.compile`.
        public var compiledBlocks: Int?
        public var fp8: Bool
        /// `torchao` (FP8 compute) or `layerwise` (FP8 storage, upcast per layer); nil without FP8.
        public var fp8Method: String?
        public var offload: String

        enum CodingKeys: String, CodingKey {
            case lora, compile, fp8, offload
            case compiledBlocks = "compiled_blocks", fp8Method = "fp8_method"
        }
    }

    public struct Defaults: Sendable, Equatable, Decodable {
        public var steps: Int
        public var guidance: Double
    }

    public var `protocol`: Int
    public var pid: Int32
    /// `edit`, `2509` or `2511`, read from the weights folder.
    public var variant: String
    public var pipeline: String
    public var device: String
    public var dtype: String
    public var maxInputImages: Int
    public var options: Options
    public var defaults: Defaults

    enum CodingKeys: String, CodingKey {
        case `protocol`, pid, variant, pipeline, device, dtype, options, defaults
        case maxInputImages = "max_input_images"
    }
}
