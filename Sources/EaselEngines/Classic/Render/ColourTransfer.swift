import EaselImaging

/// Moves an image's colour and tone toward a reference's: each Lab channel is shifted and
/// scaled so its mean and spread match the reference's (Reinhard et al.'s statistics
/// transfer), mixed in by `strength` (1 = full).
struct ColourTransfer {
    let strength: Double

    func apply(to image: Raster, reference: Raster) throws(ImagingError) -> Raster {
        let source = try Self.moments(of: image)
        let target = try Self.moments(of: reference)
        var scales = [Double](), offsets = [Double]()
        for channel in 0..<3 {
            // Spread ratios are bounded so a flat image is not blown up into noise.
            let ratio = min(max(target.deviation[channel] / max(source.deviation[channel], 0.5), 0.4), 2.5)
            scales.append(ratio)
            offsets.append(target.mean[channel] - source.mean[channel] * ratio)
        }
        let full = LabAffine(LabLinearAdjustment(
            lScale: scales[0], lOffset: offsets[0], aScale: scales[1], aOffset: offsets[1],
            bScale: scales[2], bOffset: offsets[2]))
        return try image.graded(LabGrade(affine: full.scaled(by: min(max(strength, 0), 1))))
    }

    /// Moments of a small copy: global statistics need no more pixels.
    private static func moments(of image: Raster) throws(ImagingError) -> LabMoments {
        try image.measuringCopy().labMoments()
    }
}
