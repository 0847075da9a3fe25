/// What a successful run leaves on the job.
public struct JobOutcome: Sendable, Equatable {
    public var images: [StoredImage]
    public var notApplied: [String]
    public var actualPrompt: String?

    public init(images: [StoredImage], notApplied: [String] = [], actualPrompt: String? = nil) {
        self.images = images
        self.notApplied = notApplied
        self.actualPrompt = actualPrompt
    }
}
