/// A global colour grade applied in one streaming pass by `Raster.graded`: a lightness
/// curve, then an affine Lab map, then (optionally) a chroma curve and a hue rotation.
public struct LabGrade: Sendable, Equatable {
    /// L* → L*, over 0…100.
    public var lightness: ToneCurve?
    public var affine: LabAffine
    /// Chroma → chroma over 0…200 (vibrance: low chroma gains most).
    public var chroma: ToneCurve?
    /// Degrees added to every hue angle.
    public var hueShift: Double

    public init(lightness: ToneCurve? = nil, affine: LabAffine = .identity, chroma: ToneCurve? = nil, hueShift: Double = 0) {
        self.lightness = lightness
        self.affine = affine
        self.chroma = chroma
        self.hueShift = hueShift
    }

    public var isIdentity: Bool {
        (lightness?.isIdentity ?? true) && affine.isIdentity && (chroma?.isIdentity ?? true) && hueShift == 0
    }
}
