/// Step caching (`--diffusion-cache METHOD:THRESHOLD`): on a step where the first transformer
/// block's output changed less than `threshold` (relative) since the last fully computed step,
/// the runner skips the remaining blocks and reuses their cached residual. Off when nil.
public struct RunnerCache: Sendable, Hashable, CustomStringConvertible {
    public enum Method: String, Sendable, CaseIterable {
        case firstBlock = "first-block"
    }

    public var method: Method
    /// 0 caches nothing (identical pixels); larger skips more steps and drifts further.
    public var threshold: Double

    public static let thresholds: ClosedRange<Double> = 0...1
    public static var rule: String {
        "must be off or METHOD:THRESHOLD with METHOD "
            + Method.allCases.map(\.rawValue).joined(separator: " or ")
            + " and THRESHOLD a number from 0 to 1, e.g. first-block:0.08"
    }

    public init(method: Method, threshold: Double) {
        self.method = method
        self.threshold = threshold
    }

    /// `METHOD:THRESHOLD`; nil when `text` breaks `rule` (`off` is read by the caller).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let method = Method(rawValue: String(parts[0])),
              parts[1].allSatisfy({ $0.isNumber || $0 == "." }), let threshold = Double(parts[1]),
              Self.thresholds.contains(threshold) else { return nil }
        self.init(method: method, threshold: threshold)
    }

    /// As the runner reads it: `first-block:0.08`.
    public var description: String { "\(method.rawValue):\(threshold)" }
}
