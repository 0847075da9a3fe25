/// The edit a job asks for, as accepted: the hosted API's `args` after validation. Stored with
/// the job in this encoded form (snake_case keys, as the wire names them, so that rows
/// written by earlier versions still read), so a job replays exactly what was accepted.
public struct EditSpec: Sendable, Equatable, Codable {
    public var prompt: String
    public var negativePrompt: String?
    public var numImages: Int
    public var imageURLs: [String]
    public var width: Int
    public var height: Int
    public var promptExtend: Bool
    /// Extension: makes any randomness in the engine repeatable.
    public var seed: UInt64?
    /// Extension: encoding of the result images (default PNG).
    public var outputFormat: OutputFormat

    public init(
        prompt: String, negativePrompt: String? = nil, numImages: Int = 1, imageURLs: [String],
        width: Int, height: Int, promptExtend: Bool = false, seed: UInt64? = nil,
        outputFormat: OutputFormat = .png
    ) {
        self.prompt = prompt
        self.negativePrompt = negativePrompt
        self.numImages = numImages
        self.imageURLs = imageURLs
        self.width = width
        self.height = height
        self.promptExtend = promptExtend
        self.seed = seed
        self.outputFormat = outputFormat
    }

    enum CodingKeys: String, CodingKey {
        case prompt
        case negativePrompt = "negative_prompt"
        case numImages = "num_images"
        case imageURLs = "image_urls"
        case width, height
        case promptExtend = "prompt_extend"
        case seed
        case outputFormat = "output_format"
    }
}
