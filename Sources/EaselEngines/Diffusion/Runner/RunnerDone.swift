/// A finished edit (protocol v1 `done`): the PNG files the runner wrote, exactly the
/// requested size, and the prompt it used.
public struct RunnerDone: Sendable, Equatable, Decodable {
    public struct Size: Sendable, Equatable, Decodable {
        public var width: Int
        public var height: Int
    }

    public var id: String
    public var images: [String]
    public var prompt: String
    /// The size the model generated at before resampling to the requested one.
    public var generated: Size
    public var seconds: Double
}
