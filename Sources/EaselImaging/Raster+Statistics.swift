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
        // Summed here, in pixel order: vips_stats adds per-thread partial sums in whatever order
        // its threads finish, so its last bits vary from run to run, and the engine promises
        // the same bytes for the same request. Measurements run on small copies, so this is cheap.
        let values = try derive("to double") { easel_cast($0, $1, VIPS_FORMAT_DOUBLE) }
        let stride = values.bands
        guard (1...stride).contains(count) else {
            throw .invalidArgument("statistics of \(count) bands asked of an image with \(stride)")
        }
        let bytes = try values.pixelBytes()
        var sum = [Double](repeating: 0, count: count)
        var squares = [Double](repeating: 0, count: count)
        let pixels = bytes.withUnsafeBytes { raw -> Int in
            let samples = raw.bindMemory(to: Double.self)
            for start in Swift.stride(from: 0, to: samples.count - stride + 1, by: stride) {
                for band in 0..<count {
                    let sample = samples[start + band]
                    sum[band] += sample
                    squares[band] += sample * sample
                }
            }
            return samples.count / stride
        }
        guard pixels > 0 else { throw .invalidArgument("statistics of an empty image") }
        let n = Double(pixels)
        let mean = sum.map { $0 / n }
        // The sample standard deviation, as vips_stats reports it.
        let deviation = (0..<count).map { band in
            pixels > 1 ? max(0, (squares[band] - sum[band] * sum[band] / n) / (n - 1)).squareRoot() : 0
        }
        return (mean, deviation)
    }
}
