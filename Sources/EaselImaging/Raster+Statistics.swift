import CVipsShim

extension Raster {
    /// Mean and spread of L*, mean a*, b* and chroma over all pixels (see `ImageStatistics`).
    public func statistics() throws(ImagingError) -> ImageStatistics {
        let srgb = try convertedToSRGB8()
        let lab = try srgb.derive("to Lab") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LAB) }
        let (labMean, labDeviation) = try lab.bandStatistics(count: 3)
        // LCh's C band is per-pixel chroma; the chroma of the mean a*, b* would call a
        // red-and-green image grey.
        let lch = try srgb.derive("to LCh") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LCH) }
        let (lchMean, _) = try lch.bandStatistics(count: 2)
        return ImageStatistics(
            meanL: labMean[0], stdDevL: labDeviation[0],
            meanA: labMean[1], meanB: labMean[2], meanChroma: lchMean[1])
    }

    func bandStatistics(count: Int) throws(ImagingError) -> (mean: [Double], deviation: [Double]) {
        var mean = [Double](repeating: 0, count: count)
        var deviation = [Double](repeating: 0, count: count)
        guard easel_band_stats(pointer, &mean, &deviation, Int32(count)) == 0 else {
            throw .operationFailed("statistics failed: \(VipsErrorBuffer.take())")
        }
        return (mean, deviation)
    }
}
