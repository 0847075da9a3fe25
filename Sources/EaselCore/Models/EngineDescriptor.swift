/// What an engine is and what it can do, reported on `/readyz` and on every job it serves.
public struct EngineDescriptor: Sendable, Equatable {
    /// Stable identifier shown on jobs, e.g. `classic`.
    public var id: String
    /// One-line human description of what the engine does.
    public var summary: String
    /// Most input images the engine reads; extra images are an error, not silently dropped.
    public var maxInputImages: Int

    public init(id: String, summary: String, maxInputImages: Int) {
        self.id = id
        self.summary = summary
        self.maxInputImages = maxInputImages
    }
}
