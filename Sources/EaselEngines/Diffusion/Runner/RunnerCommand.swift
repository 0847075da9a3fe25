import Foundation

/// A line Easel writes to the runner's stdin (protocol v1, docs/RUNNER_PROTOCOL.md).
public enum RunnerCommand: Sendable, Equatable {
    case edit(RunnerEdit)
    /// Stop the job at its next denoising step; the runner answers `canceled`.
    case cancel(id: String)
    /// Finish the current job, then exit.
    case shutdown

    /// The command as one line of compact JSON, newline included.
    public func line() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        switch self {
        case .edit(let edit): data = try encoder.encode(edit)
        case .cancel(let id): data = try encoder.encode(Control(type: "cancel", id: id))
        case .shutdown: data = try encoder.encode(Control(type: "shutdown", id: nil))
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Control: Encodable {
        var type: String
        var id: String?
    }
}

/// One edit for the runner. Paths are absolute; inputs are PNG files Easel wrote.
public struct RunnerEdit: Sendable, Equatable, Encodable {
    public var id: String
    public var prompt: String
    public var negativePrompt: String?
    public var images: [String]
    public var width: Int
    public var height: Int
    public var numImages: Int
    public var seed: UInt64
    /// nil: the runner's default (40, or the Lightning LoRA's step count).
    public var steps: Int?
    public var guidance: Double?
    public var promptExtend: Bool
    public var outputDirectory: String

    public init(
        id: String, prompt: String, negativePrompt: String?, images: [String], width: Int, height: Int,
        numImages: Int, seed: UInt64, steps: Int? = nil, guidance: Double? = nil, promptExtend: Bool,
        outputDirectory: String
    ) {
        self.id = id
        self.prompt = prompt
        self.negativePrompt = negativePrompt
        self.images = images
        self.width = width
        self.height = height
        self.numImages = numImages
        self.seed = seed
        self.steps = steps
        self.guidance = guidance
        self.promptExtend = promptExtend
        self.outputDirectory = outputDirectory
    }

    enum CodingKeys: String, CodingKey {
        case id, prompt, images, width, height, seed, steps, guidance
        case negativePrompt = "negative_prompt", numImages = "num_images"
        case promptExtend = "prompt_extend", outputDirectory = "output_dir", type
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("edit", forKey: .type)
        try container.encode(id, forKey: .id)
        try container.encode(prompt, forKey: .prompt)
        // Explicit nulls: the protocol spells every field out.
        try container.encode(negativePrompt, forKey: .negativePrompt)
        try container.encode(images, forKey: .images)
        try container.encode(width, forKey: .width)
        try container.encode(height, forKey: .height)
        try container.encode(numImages, forKey: .numImages)
        try container.encode(seed, forKey: .seed)
        try container.encode(steps, forKey: .steps)
        try container.encode(guidance, forKey: .guidance)
        try container.encode(promptExtend, forKey: .promptExtend)
        try container.encode(outputDirectory, forKey: .outputDirectory)
    }
}
