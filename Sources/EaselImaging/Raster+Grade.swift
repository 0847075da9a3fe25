import CVipsShim

extension Raster {
    /// Applies a global colour grade (see `LabGrade`) in CIE L*a*b*, keeping alpha, then any
    /// `localContrast` passes on the graded L*, all within one trip to Lab and back. The
    /// result is 8-bit sRGB; colours pushed out of gamut are clipped on the way back.
    public func graded(_ grade: LabGrade, localContrast: [LocalContrast] = []) throws(ImagingError) -> Raster {
        let passes = localContrast.filter { $0.amount > 0 }
        if grade.isIdentity && passes.isEmpty { return try convertedToSRGB8() }
        return try mappingColour { colour throws(ImagingError) in
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

    /// The 3-band colour image graded, lazily, tagged Lab (or LCh after a chroma or hue step).
    private func labGraded(_ grade: LabGrade) throws(ImagingError) -> Raster {
        var lab = try derive("to Lab") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LAB) }
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
        guard chroma != nil || grade.hueShift != 0 else { return lab }
        let lch = try lab.derive("to LCh") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LCH) }
        var c = try lch.bands(1, count: 1)
        if let chroma { c = try c.lookedUp(chroma) }
        let h = try lch.bands(2, count: 1).linear(1, grade.hueShift)
        return try lch.bands(0, count: 1).joined(bands: c).joined(bands: h).tagged(VIPS_INTERPRETATION_LCH)
    }

    /// CLAHE passes on L* of a lazily graded Lab or LCh image. The grade is computed once,
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
