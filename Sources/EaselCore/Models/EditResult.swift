import Foundation

/// What an engine produced: `numImages` encoded images of exactly the requested size.
public struct EditResult: Sendable {
    public var images: [OutputImage]
    /// Parts of the prompt the engine understood but did not apply, phrase by phrase.
    public var notApplied: [String]
    /// The prompt as the engine actually used it (set when `prompt_extend` rewrote it).
    public var actualPrompt: String?

    public init(images: [OutputImage], notApplied: [String] = [], actualPrompt: String? = nil) {
        self.images = images
        self.notApplied = notApplied
        self.actualPrompt = actualPrompt
    }
}
