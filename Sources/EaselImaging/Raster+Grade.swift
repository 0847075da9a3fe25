import CVipsShim

extension Raster {
    /// Applies a global colour grade (see `LabGrade`) in CIE L*a*b*, keeping alpha. The
    /// result is 8-bit sRGB; colours pushed out of gamut are clipped on the way back.
    public func graded(_ grade: LabGrade) throws(ImagingError) -> Raster {
        if grade.isIdentity { return try convertedToSRGB8() }
        return try mappingColour { colour throws(ImagingError) in
            var lab = try colour.derive("to Lab") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LAB) }
            if let curve = grade.lightness, !curve.isIdentity {
                let l = try lab.bands(0, count: 1).lookedUp(curve)
                lab = try l.joined(bands: lab.bands(1, count: 2)).tagged(VIPS_INTERPRETATION_LAB)
            }
            if !grade.affine.isIdentity {
                let matrix = grade.affine.matrix
                lab = try lab.derive("Lab recomb") { easel_recomb($0, $1, matrix, 3, 3) }
                    .linear([1, 1, 1], grade.affine.offset)
                    .tagged(VIPS_INTERPRETATION_LAB)
            }
            let chroma = grade.chroma.flatMap { $0.isIdentity ? nil : $0 }
            guard chroma != nil || grade.hueShift != 0 else {
                return try lab.derive("to sRGB") { easel_colourspace($0, $1, VIPS_INTERPRETATION_sRGB) }
            }
            let lch = try lab.derive("to LCh") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LCH) }
            var c = try lch.bands(1, count: 1)
            if let chroma { c = try c.lookedUp(chroma) }
            let h = try lch.bands(2, count: 1).linear(1, grade.hueShift)
            return try lch.bands(0, count: 1).joined(bands: c).joined(bands: h)
                .tagged(VIPS_INTERPRETATION_LCH)
                .derive("to sRGB") { easel_colourspace($0, $1, VIPS_INTERPRETATION_sRGB) }
        }
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
