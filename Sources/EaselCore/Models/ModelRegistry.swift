/// Maps the model ids clients send to the engine that serves them and their price.
public struct ModelRegistry: Sendable {
    public struct Entry: Sendable {
        public var modelID: String
        public var engine: any ImageEditEngine
        public var pricePerImage: Price

        public init(modelID: String, engine: any ImageEditEngine, pricePerImage: Price) {
            self.modelID = modelID
            self.engine = engine
            self.pricePerImage = pricePerImage
        }
    }

    /// The hosted API's model id; a program written for it sends exactly this.
    public static let seedModelID = "alibaba/wan-2.6/image-to-image"
    /// The classic engine under its own id, so that it stays reachable when the seed's id is
    /// served by the diffusion engine.
    public static let classicModelID = "easel/classic"
    /// The hosted API's price for that model.
    public static let seedPrice = Price(units: 26, scale: 3)

    private let entries: [String: Entry]

    public init(_ entries: [Entry]) {
        self.entries = Dictionary(entries.map { ($0.modelID, $0) }, uniquingKeysWith: { _, last in last })
    }

    public var modelIDs: [String] { entries.keys.sorted() }

    public func entry(for modelID: String) -> Entry? { entries[modelID] }

    public var engines: [EngineDescriptor] {
        var seen = Set<String>()
        return entries.values.map(\.engine.descriptor).filter { seen.insert($0.id).inserted }
    }
}
