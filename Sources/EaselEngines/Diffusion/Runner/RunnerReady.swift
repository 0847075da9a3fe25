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
        /// Step caching, when the runner reports it among its options.
        public var cache: String?

        enum CodingKeys: String, CodingKey {
            case lora, compile, fp8, offload, cache
            case compiledBlocks = "compiled_blocks", fp8Method = "fp8_method"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            lora = try container.decode(Bool.self, forKey: .lora)
            compile = try container.decode(Bool.self, forKey: .compile)
            compiledBlocks = try container.decodeIfPresent(Int.self, forKey: .compiledBlocks)
            fp8 = try container.decode(Bool.self, forKey: .fp8)
            fp8Method = try container.decodeIfPresent(String.self, forKey: .fp8Method)
            offload = try container.decode(String.self, forKey: .offload)
            cache = (try? container.decodeIfPresent(RunnerCacheReport.self, forKey: .cache))?.text
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
    /// The step caching the runner applied (`first-block:0.08`), when its `ready` reports one,
    /// at the top level or among its options; nil when off or not reported.
    public var cache: String?

    enum CodingKeys: String, CodingKey {
        case `protocol`, pid, variant, pipeline, device, dtype, options, defaults, cache
        case maxInputImages = "max_input_images"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        `protocol` = try container.decode(Int.self, forKey: .protocol)
        pid = try container.decode(Int32.self, forKey: .pid)
        variant = try container.decode(String.self, forKey: .variant)
        pipeline = try container.decode(String.self, forKey: .pipeline)
        device = try container.decode(String.self, forKey: .device)
        dtype = try container.decode(String.self, forKey: .dtype)
        maxInputImages = try container.decode(Int.self, forKey: .maxInputImages)
        options = try container.decode(Options.self, forKey: .options)
        defaults = try container.decode(Defaults.self, forKey: .defaults)
        let reported = try? container.decodeIfPresent(RunnerCacheReport.self, forKey: .cache)
        cache = reported?.text ?? options.cache
    }
}

/// The runner's word on step caching, read leniently: `"first-block:0.08"`, or an object
/// with `method` and `threshold`; null, or any other shape, reads as off.
struct RunnerCacheReport: Decodable {
    var text: String?

    private enum Keys: String, CodingKey { case method, threshold }

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self.text = text
        } else if let object = try? decoder.container(keyedBy: Keys.self),
                  let method = try? object.decode(String.self, forKey: .method) {
            let threshold = try? object.decode(Double.self, forKey: .threshold)
            text = threshold.map { "\(method):\($0)" } ?? method
        }
    }
}
