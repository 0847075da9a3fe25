import Foundation

/// A validated edit with its inputs already fetched: engines never touch the network.
public struct EditRequest: Sendable {
    public var jobID: String
    public var prompt: String
    public var negativePrompt: String?
    /// Encoded input images (JPEG, PNG, WebP …) in the order of `image_urls`.
    public var images: [InputImage]
    public var width: Int
    public var height: Int
    public var numImages: Int
    public var promptExtend: Bool
    /// Makes any randomness in the engine repeatable; engines derive one when absent.
    public var seed: UInt64?
    public var outputFormat: OutputFormat

    public init(
        jobID: String, prompt: String, negativePrompt: String? = nil, images: [InputImage],
        width: Int, height: Int, numImages: Int = 1, promptExtend: Bool = false,
        seed: UInt64? = nil, outputFormat: OutputFormat = .png
    ) {
        self.jobID = jobID
        self.prompt = prompt
        self.negativePrompt = negativePrompt
        self.images = images
        self.width = width
        self.height = height
        self.numImages = numImages
        self.promptExtend = promptExtend
        self.seed = seed
        self.outputFormat = outputFormat
    }
}
