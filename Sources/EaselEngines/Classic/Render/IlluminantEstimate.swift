import EaselImaging
import Foundation

/// The colour cast of the light, as the a*, b* shift that white balance removes.
///
/// Grey world over the whole picture mistakes a warm scene (coffee, sunset, a night sky) for
/// a cast and turns it cyan or grey. This estimate reads only pixels that can show the light:
/// mid-tones (L* 15–95) with no clipped channel, and of those only the near-neutral ones
/// (chroma under 25), whose mean is the cast. Its confidence falls when few pixels are near
/// neutral: a picture that is warm all over is a warm scene, not a warm light. The a* (green–
/// magenta) part is capped low and read from the most neutral pixels only, since skin under
/// a blue light looks near neutral but reddish, and removing that red makes skin olive.
struct IlluminantEstimate: Equatable {
    /// Share of near-neutral pixels at which the estimate is fully trusted.
    static let fullConfidenceShare = 0.2
    /// Largest correction, in Lab units, on each axis.
    static let maxB = 15.0
    static let maxA = 4.0

    var a: Double = 0
    var b: Double = 0

    init(a: Double = 0, b: Double = 0) {
        self.a = a
        self.b = b
    }

    /// From a small measuring copy (`Raster.measuringCopy`: sRGB, 8 bits, 3 or 4 bands).
    init(measuring image: Raster) throws(ImagingError) {
        let bytes = try image.pixelBytes()
        let bands = image.bands
        guard bands >= 3 else { return }
        var count = 0, neutral = 0, veryNeutral = 0
        var sumA = 0.0, sumB = 0.0, sumVeryA = 0.0
        var index = 0
        while index + 2 < bytes.count {
            let (r, g, bl) = (bytes[index], bytes[index + 1], bytes[index + 2])
            index += bands
            guard max(r, g, bl) < 250 else { continue }
            let lab = Self.lab(r, g, bl)
            guard lab.l >= 15, lab.l <= 95 else { continue }
            count += 1
            let chroma = (lab.a * lab.a + lab.b * lab.b).squareRoot()
            if chroma < 25 {
                neutral += 1
                sumA += lab.a
                sumB += lab.b
            }
            if chroma < 10 {
                veryNeutral += 1
                sumVeryA += lab.a
            }
        }
        guard count > 0, neutral > 0 else { return }
        let confidence = min(1, Double(neutral) / Double(count) / Self.fullConfidenceShare)
        b = min(max(sumB / Double(neutral) * confidence, -Self.maxB), Self.maxB)
        if veryNeutral > 0 {
            let veryConfidence = min(1, Double(veryNeutral) / Double(count) / Self.fullConfidenceShare)
            a = min(max(sumVeryA / Double(veryNeutral) * veryConfidence, -Self.maxA), Self.maxA)
        }
    }

    /// CIE L*a*b* (D65) of an sRGB colour.
    static func lab(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> (l: Double, a: Double, b: Double) {
        func linear(_ v: UInt8) -> Double {
            let c = Double(v) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let (lr, lg, lb) = (linear(r), linear(g), linear(b))
        let x = (0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047
        let y = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb
        let z = (0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        let (fx, fy, fz) = (f(x), f(y), f(z))
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
    }
}
