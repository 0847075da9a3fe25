/// What a runner says about itself once its model is loaded (protocol v1 `ready`).
public struct RunnerReady: Sendable, Equatable, Decodable {
    public struct Options: Sendable, Equatable, Decodable {
        public var lora: Bool
        public var compile: Bool
        public var fp8: Bool
        public var offload: String
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
