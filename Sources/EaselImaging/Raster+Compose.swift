import CVipsShim
import Foundation

extension Raster {
    /// `self` mixed with `other` (same size): `amount` 0 is `self`, 1 is `other`. Alpha of
    /// `self` is kept; `other` is flattened onto black first.
    public func mixed(with other: Raster, amount: Double) throws(ImagingError) -> Raster {
        let t = min(max(amount, 0), 1)
        guard other.width == width, other.height == height else {
            throw .invalidArgument("cannot mix a \(other.width)×\(other.height) image into \(width)×\(height)")
        }
        let second = try other.convertedToSRGB8().flattened(onto: .black).linear(t, 0)
        return try mappingColour { colour throws(ImagingError) in
            try colour.linear(1 - t, 0).plus(second)
        }
    }

    /// Screen blend ("double exposure"): 1 − (1 − a)(1 − b), mixed in by `amount`.
    public func screened(with other: Raster, amount: Double) throws(ImagingError) -> Raster {
        guard other.width == width, other.height == height else {
            throw .invalidArgument("cannot blend a \(other.width)×\(other.height) image into \(width)×\(height)")
        }
        let inverseOther = try other.convertedToSRGB8().flattened(onto: .black).linear(-1 / 255, 1)
        let screen = try mappingColour { colour throws(ImagingError) in
            try colour.linear(-1 / 255, 1).times(inverseOther).linear(-255, 255)
        }
        return try mixed(with: screen, amount: amount)
    }

    /// Darkens toward the corners: `amount` 1 takes the corners to about 45 % of their
    /// lightness while the centre stays as it was (negative amounts lighten the corners).
    public func vignetted(amount: Double) throws(ImagingError) -> Raster {
        guard amount != 0 else { return self }
        // The mask is computed at full size, one byte a pixel (gain × scale): cheaper than
        // resampling a small float mask, and smooth to within about one output level.
        let (w, h) = (width, height)
        let scale = 255 / max(1, 1 - 0.55 * amount)
        let dx2 = (0..<w).map { x -> Double in
            let d = (Double(x) + 0.5) / Double(w) * 2 - 1
            return d * d
        }
        var mask = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            let dy = (Double(y) + 0.5) / Double(h) * 2 - 1
            for x in 0..<w {
                let r = min(1, ((dx2[x] + dy * dy) / 2).squareRoot())
                let gain = max(0.05, 1 - 0.55 * amount * r * r * (3 - 2 * r))
                mask[y * w + x] = UInt8(min(255, gain * scale + 0.5))
            }
        }
        let gain = try Raster(pixels: mask, width: w, height: h, bands: 1)
        return try mappingColour { colour throws(ImagingError) in
            try colour.times(gain).linear(1 / scale, 0)
        }
    }
}
