import CVipsShim

extension Raster {
    /// Per-channel Lab mean and spread (see `LabMoments`).
    public func labMoments() throws(ImagingError) -> LabMoments {
        let lab = try convertedToSRGB8().bands(0, count: 3)
            .derive("to Lab") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LAB) }
        let (mean, deviation) = try lab.bandStatistics(count: 3)
        return LabMoments(mean: mean, deviation: deviation)
    }

    /// The L* below which `percent` % of the pixels lie, at a resolution of 100/255.
    public func lightnessPercentile(_ percent: Double) throws(ImagingError) -> Double {
        let l = try convertedToSRGB8().bands(0, count: 3)
            .derive("to Lab") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LAB) }
            .bands(0, count: 1).linear(2.55, 0.5).castUChar()
        var threshold: Int32 = 0
        guard easel_percent(l.pointer, min(max(percent, 0), 100), &threshold) == 0 else {
            throw .operationFailed("percentile failed: \(VipsErrorBuffer.take())")
        }
        return Double(threshold) / 2.55
    }

    /// Energy of the high frequencies: the root mean square difference between the grey
    /// image and a blurred copy. Sharpening raises it, blurring and denoising lower it.
    public func detailEnergy() throws(ImagingError) -> Double {
        let grey = try greyBand().derive("to float") { easel_cast($0, $1, VIPS_FORMAT_FLOAT) }
        let blurred = try grey.derive("blur") { easel_gaussblur($0, $1, 2) }
        let difference = try grey.minus(blurred).derive("square") { easel_pow_const($0, $1, 2) }
        let (mean, _) = try difference.bandStatistics(count: 1)
        return mean[0].squareRoot()
    }
}

extension Raster {
    /// A copy at most `maxSide` pixels a side, block-averaged and kept in memory: global
    /// statistics (percentiles, moments) of it are as good as of the whole image, and several
    /// of them then cost one pass over the source.
    public func measuringCopy(maxSide: Int = 256) throws(ImagingError) -> Raster {
        let factor = (max(width, height) + max(1, maxSide) - 1) / max(1, maxSide)
        let colour = try convertedToSRGB8()
        guard factor > 1 else { return try colour.materialized() }
        return try colour.derive("shrink") { easel_shrink($0, $1, Double(factor), Double(factor)) }
            .castUChar().materialized()
    }
}
