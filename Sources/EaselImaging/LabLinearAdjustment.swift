/// A per-channel linear map in CIE L*a*b*: `L' = lScale·L + lOffset`, and the same for a*
/// and b*. Alpha is untouched.
///
/// One such map expresses the common global edits: brightness (L offset), contrast (L scale
/// about a pivot), saturation (a and b scale), warmth (b, and a little a, offset) and
/// black-and-white (a and b scale 0). Maps compose with `then`, so a whole edit is one pass.
public struct LabLinearAdjustment: Sendable, Equatable, CustomStringConvertible {
    public var lScale: Double
    public var lOffset: Double
    public var aScale: Double
    public var aOffset: Double
    public var bScale: Double
    public var bOffset: Double

    public init(
        lScale: Double = 1, lOffset: Double = 0,
        aScale: Double = 1, aOffset: Double = 0,
        bScale: Double = 1, bOffset: Double = 0
    ) {
        self.lScale = lScale
        self.lOffset = lOffset
        self.aScale = aScale
        self.aOffset = aOffset
        self.bScale = bScale
        self.bOffset = bOffset
    }

    public static let identity = LabLinearAdjustment()

    public var isIdentity: Bool { self == .identity }

    /// The map that applies `self` first and `next` second.
    public func then(_ next: LabLinearAdjustment) -> LabLinearAdjustment {
        LabLinearAdjustment(
            lScale: next.lScale * lScale, lOffset: next.lScale * lOffset + next.lOffset,
            aScale: next.aScale * aScale, aOffset: next.aScale * aOffset + next.aOffset,
            bScale: next.bScale * bScale, bOffset: next.bScale * bOffset + next.bOffset)
    }

    /// Scales L* by `factor` about `pivot` (50 = mid grey): contrast.
    public static func lightnessContrast(_ factor: Double, pivot: Double = 50) -> LabLinearAdjustment {
        LabLinearAdjustment(lScale: factor, lOffset: pivot * (1 - factor))
    }

    public var description: String {
        func term(_ scale: Double, _ offset: Double) -> String {
            "\(scale.formatted2)·x\(offset < 0 ? "−" : "+")\(abs(offset).formatted2)"
        }
        return "L'=\(term(lScale, lOffset)) a'=\(term(aScale, aOffset)) b'=\(term(bScale, bOffset))"
    }
}
