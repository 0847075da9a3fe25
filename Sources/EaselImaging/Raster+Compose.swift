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
        let side = 33
        var samples = [Float]()
        samples.reserveCapacity(side * side)
        for y in 0..<side {
            for x in 0..<side {
                let dx = Double(x) / Double(side - 1) * 2 - 1
                let dy = Double(y) / Double(side - 1) * 2 - 1
                let r = min(1, (dx * dx + dy * dy).squareRoot() / 2.0.squareRoot())
                let falloff = r * r * (3 - 2 * r)
                samples.append(Float(max(0.05, 1 - 0.55 * amount * falloff)))
            }
        }
        let mask = try Raster.floats(samples, width: side, height: side)
            .derive("mask size") { easel_resize($0, $1, Double(width) / Double(side), Double(height) / Double(side)) }
            .fitted(toWidth: width, height: height)
        return try mappingColour { colour throws(ImagingError) in
            try colour.times(mask)
        }
    }
}
