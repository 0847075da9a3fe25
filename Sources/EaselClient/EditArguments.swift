/// `args` of `POST /api/v1/job/create`. The server checks every rule (see docs/API.md) and
/// names each broken one; this type only spells the fields. Fields left nil are not sent.
public struct EditArguments: Encodable, Sendable, Equatable {
    public var prompt: String
    /// 1–4 `http(s)://` or `data:` URLs; an upload's `url` works too.
    public var imageURLs: [String]
    public var width: Int
    public var height: Int
    public var negativePrompt: String?
    public var numImages: Int?
    public var promptExtend: Bool?
    /// Extension (Easel only): makes any randomness repeatable.
    public var seed: UInt64?
    /// Extension (Easel only): `png` (default), `jpeg` or `webp`.
    public var outputFormat: String?

    public init(
        prompt: String, imageURLs: [String], width: Int, height: Int, negativePrompt: String? = nil,
        numImages: Int? = nil, promptExtend: Bool? = nil, seed: UInt64? = nil, outputFormat: String? = nil
    ) {
        self.prompt = prompt
        self.imageURLs = imageURLs
        self.width = width
        self.height = height
        self.negativePrompt = negativePrompt
        self.numImages = numImages
        self.promptExtend = promptExtend
        self.seed = seed
        self.outputFormat = outputFormat
    }

    enum CodingKeys: String, CodingKey {
        case prompt, width, height, seed
        case imageURLs = "image_urls"
        case negativePrompt = "negative_prompt"
        case numImages = "num_images"
        case promptExtend = "prompt_extend"
        case outputFormat = "output_format"
    }
}
