/// A function of one channel (L* 0…100, or chroma 0…200), sampled every 0.1 so that libvips
/// applies any composition of curves as one table look-up per pixel.
public struct ToneCurve: Sendable, Equatable {
    /// Output for inputs 0, 0.1, 0.2 … `domain`.
    public let samples: [Double]
    public let domain: Double

    public static let step = 0.1

    /// Samples `function` over 0…`domain`.
    public init(domain: Double = 100, _ function: (Double) -> Double) {
        let count = Int((domain / Self.step).rounded()) + 1
        self.domain = domain
        self.samples = (0..<count).map { function(Double($0) * Self.step) }
    }

    /// Evaluates by nearest sample (as libvips will).
    public func value(at x: Double) -> Double {
        let index = Int((x / Self.step).rounded())
        return samples[min(max(index, 0), samples.count - 1)]
    }

    /// The curve that applies `self` then `function`.
    public func then(_ function: (Double) -> Double) -> ToneCurve {
        let current = samples
        return ToneCurve(domain: domain) { x in
            function(current[min(Int((x / Self.step).rounded()), current.count - 1)])
        }
    }

    public var isIdentity: Bool {
        samples.enumerated().allSatisfy { abs($0.element - Double($0.offset) * Self.step) < 1e-9 }
    }
}
