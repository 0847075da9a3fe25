import CVipsShim
import Foundation

extension Raster {
    /// Applies a global colour grade (see `LabGrade`) in CIE L*a*b*, keeping alpha, then any
    /// `localContrast` passes on the graded L*, all within one trip to Lab and back. The
    /// result is 8-bit sRGB; colours pushed out of gamut are clipped on the way back. A
    /// grade alone on an image of some size goes through a `ColourLattice` of it instead:
    /// the same grade at a fraction of the cost.
    public func graded(_ grade: LabGrade, localContrast: [LocalContrast] = []) throws(ImagingError) -> Raster {
        let passes = localContrast.filter { $0.amount > 0 }
        if grade.isIdentity && passes.isEmpty { return try convertedToSRGB8() }
        if passes.isEmpty, width * height >= ColourLattice.worthwhilePixels {
            let srgb = try convertedToSRGB8()
            if srgb.bands == 3 || srgb.bands == 4 {
                return try srgb.mapped(through: ColourLattice(grade))
            }
        }
        return try exactlyGraded(grade, localContrast: passes)
    }

    /// `graded` computed for every pixel through Lab.
    func exactlyGraded(_ grade: LabGrade, localContrast passes: [LocalContrast]) throws(ImagingError) -> Raster {
        try mappingColour { colour throws(ImagingError) in
            var graded = try colour.labGraded(grade)
            if !passes.isEmpty {
                graded = try graded.locallyEqualised(passes)
            }
            return try graded.derive("to sRGB") { easel_colourspace($0, $1, VIPS_INTERPRETATION_sRGB) }
        }
    }

    /// Local contrast alone (see `LocalContrast`).
    public func localContrast(window: Int, amount: Double) throws(ImagingError) -> Raster {
        try graded(LabGrade(), localContrast: [LocalContrast(window: window, amount: amount)])
    }

    /// The 3-band colour image graded, lazily, tagged Lab. Hue and chroma are changed on
    /// a*, b* directly, without a trip through LCh (atan2 and sine per pixel): a hue shift is
    /// a rotation of (a*, b*), folded into the affine map, and a chroma curve is a gain
    /// looked up by C² = a*² + b*².
    func labGraded(_ grade: LabGrade) throws(ImagingError) -> Raster {
        var lab = try derive("to Lab") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LAB) }
        if let curve = grade.lightness, !curve.isIdentity {
            let l = try lab.bands(0, count: 1).lookedUp(curve)
            lab = try l.joined(bands: lab.bands(1, count: 2)).tagged(VIPS_INTERPRETATION_LAB)
        }
        let radians = grade.hueShift * .pi / 180
        let (c, s) = (cos(radians), sin(radians))
        let affine = grade.hueShift == 0 ? grade.affine
            : grade.affine.then(LabAffine(matrix: [1, 0, 0, 0, c, -s, 0, s, c], offset: [0, 0, 0]))
        if !affine.isIdentity {
            let matrix = affine.matrix
            lab = try lab.derive("Lab recomb") { easel_recomb($0, $1, matrix, 3, 3) }
                .linear([1, 1, 1], affine.offset)
                .tagged(VIPS_INTERPRETATION_LAB)
        }
        guard let chroma = grade.chroma, !chroma.isIdentity else { return lab }
        let table = try Raster.floats(Self.chromaGains(chroma), width: 65_536, height: 1)
        let ab = try lab.bands(1, count: 2)
        let gain = try ab.times(ab).derive("C²") { easel_recomb($0, $1, [1, 1], 1, 2) }
            .linear(1, 0.5).derive("to index") { easel_cast($0, $1, VIPS_FORMAT_USHORT) }
            .derive("look up") { easel_maplut($0, $1, table.pointer) }
        return try lab.bands(0, count: 1).joined(bands: ab.times(gain)).tagged(VIPS_INTERPRETATION_LAB)
    }

    /// curve(C) / C for each C² = 0…65535, the curve's own gain held beyond its domain.
    private static func chromaGains(_ curve: ToneCurve) -> [Float] {
        let first = curve.value(at: ToneCurve.step) / ToneCurve.step
        return (0..<65_536).map { square in
            let chroma = min(Double(square).squareRoot(), curve.domain)
            return Float(chroma < ToneCurve.step ? first : curve.value(at: chroma) / chroma)
        }
    }

    /// CLAHE passes on L* of a lazily graded Lab image. The grade is computed once,
    /// into memory as LabS (6 bytes a pixel), since the L* passes and the colour both read it.
    private func locallyEqualised(_ passes: [LocalContrast]) throws(ImagingError) -> Raster {
        let lab = try derive("to LabS") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LABS) }
            .materialized()
            .derive("to Lab") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LAB) }
        var l = try lab.bands(0, count: 1)
        for pass in passes {
            let mix = min(pass.amount, 1)
            let equalised = try l.linear(2.55, 0.5).castUChar()
                .derive("CLAHE") { easel_clahe($0, $1, Int32(max(8, pass.window)), 3) }
                .linear(mix / 2.55, 0)
            l = try l.linear(1 - mix, 0).plus(equalised)
        }
        return try l.joined(bands: lab.bands(1, count: 2)).tagged(VIPS_INTERPRETATION_LAB)
    }

    /// A one-band float image through `curve`, at the curve's 0.1 resolution.
    func lookedUp(_ curve: ToneCurve) throws(ImagingError) -> Raster {
        let table = try Raster.floats(curve.samples.map(Float.init), width: curve.samples.count, height: 1)
        // Index = value × 10, rounded; the table's last entry covers anything beyond it.
        return try linear(1 / ToneCurve.step, 0.5)
            .derive("to index") { easel_cast($0, $1, VIPS_FORMAT_USHORT) }
            .derive("look up") { easel_maplut($0, $1, table.pointer) }
    }
}
