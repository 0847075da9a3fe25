/// Colour statistics of an image's visible bands (alpha ignored), in CIE L*a*b* (D65):
/// L* 0…100, a* green−/red+, b* blue−/yellow+, chroma = √(a*² + b*²).
public struct ImageStatistics: Sendable, Equatable {
    public var meanL: Double
    public var stdDevL: Double
    public var meanA: Double
    public var meanB: Double
    /// Mean of per-pixel chroma: 0 for a grey image, whatever its mean a* and b*.
    public var meanChroma: Double

    public init(meanL: Double, stdDevL: Double, meanA: Double, meanB: Double, meanChroma: Double) {
        self.meanL = meanL
        self.stdDevL = stdDevL
        self.meanA = meanA
        self.meanB = meanB
        self.meanChroma = meanChroma
    }
}
