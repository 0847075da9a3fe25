import CVipsShim

extension Raster {
    /// Applies `adjustment` to the colour bands in CIE L*a*b*, keeping alpha as it was.
    /// The result is 8-bit sRGB; values pushed out of gamut are clipped on the way back.
    public func adjustedInLab(_ adjustment: LabLinearAdjustment) throws(ImagingError) -> Raster {
        if adjustment.isIdentity { return self }
        let srgb = try convertedToSRGB8()
        // vips_colourspace carries extra bands (alpha) through unchanged: scale 1, offset 0.
        let extra = srgb.bands - 3
        let scales = [adjustment.lScale, adjustment.aScale, adjustment.bScale] + Array(repeating: 1, count: extra)
        let offsets = [adjustment.lOffset, adjustment.aOffset, adjustment.bOffset] + Array(repeating: 0, count: extra)
        return try srgb.derive("to Lab") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LAB) }
            .derive("Lab linear") { easel_linear($0, $1, scales, offsets, Int32(scales.count)) }
            .derive("to sRGB") { easel_colourspace($0, $1, VIPS_INTERPRETATION_sRGB) }
            .derive("cast to 8-bit") { easel_cast($0, $1, VIPS_FORMAT_UCHAR) }
    }
}
