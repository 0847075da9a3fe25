/// Why the runner failed a job (`failed` message, protocol v1): its vocabulary, not the
/// job's. `DiffusionEngine` maps each to the job's error.
public struct RunnerFailureCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// The request broke a rule the runner checks (a field, a size).
    public static let badRequest = Self(rawValue: "bad_request")
    /// The device ran out of memory, even one image at a time.
    public static let outOfMemory = Self(rawValue: "out_of_memory")
    /// Anything else inside the runner.
    public static let `internal` = Self(rawValue: "internal")
}
