/// An affine map of CIE L*a*b* colours: `out = matrix · (L, a, b) + offset`, row-major.
///
/// Wider than `LabLinearAdjustment`: a band may depend on the others, which is what tinting
/// by lightness needs (split toning gives shadows one hue and highlights another; sepia and
/// duotone map L* onto a line between two colours). Maps compose with `then`, so a whole
/// colour grade stays one pass over the pixels.
public struct LabAffine: Sendable, Equatable {
    /// 3 × 3, row-major: row 0 computes L*, row 1 a*, row 2 b*.
    public private(set) var matrix: [Double]
    public private(set) var offset: [Double]

    public init(matrix: [Double], offset: [Double]) {
        self.matrix = matrix.count == 9 ? matrix : LabAffine.identity.matrix
        self.offset = offset.count == 3 ? offset : [0, 0, 0]
    }

    public init(_ linear: LabLinearAdjustment) {
        self.init(
            matrix: [linear.lScale, 0, 0, 0, linear.aScale, 0, 0, 0, linear.bScale],
            offset: [linear.lOffset, linear.aOffset, linear.bOffset])
    }

    public static let identity = LabAffine(matrix: [1, 0, 0, 0, 1, 0, 0, 0, 1], offset: [0, 0, 0])

    public var isIdentity: Bool { self == .identity }

    /// The map that applies `self` first and `next` second.
    public func then(_ next: LabAffine) -> LabAffine {
        var product = [Double](repeating: 0, count: 9)
        var shifted = next.offset
        for row in 0..<3 {
            for column in 0..<3 {
                for k in 0..<3 {
                    product[row * 3 + column] += next.matrix[row * 3 + k] * matrix[k * 3 + column]
                }
                shifted[row] += next.matrix[row * 3 + column] * offset[column]
            }
        }
        return LabAffine(matrix: product, offset: shifted)
    }

    /// Where the map sends one colour (for tests and previews).
    public func apply(_ lab: (l: Double, a: Double, b: Double)) -> (l: Double, a: Double, b: Double) {
        let v = [lab.l, lab.a, lab.b]
        func row(_ r: Int) -> Double {
            matrix[r * 3] * v[0] + matrix[r * 3 + 1] * v[1] + matrix[r * 3 + 2] * v[2] + offset[r]
        }
        return (row(0), row(1), row(2))
    }

    /// Replaces colour by a tint that follows lightness: black goes to `dark`, white to
    /// `light`, and each L* in between to the point that far along the line (duotone, sepia).
    public static func gradientMap(dark: (l: Double, a: Double, b: Double), light: (l: Double, a: Double, b: Double)) -> LabAffine {
        let t = 1.0 / 100
        return LabAffine(
            matrix: [(light.l - dark.l) * t, 0, 0, (light.a - dark.a) * t, 0, 0, (light.b - dark.b) * t, 0, 0],
            offset: [dark.l, dark.a, dark.b])
    }

    /// Mixes the map with the identity: `amount` 0 changes nothing, 1 is the full map.
    public func scaled(by amount: Double) -> LabAffine {
        let id = LabAffine.identity
        return LabAffine(
            matrix: zip(matrix, id.matrix).map { $1 + ($0 - $1) * amount },
            offset: offset.map { $0 * amount })
    }
}
