extension Raster {
    /// A width × height sRGB image of `pattern`; with `alpha`, a 4th band of that constant
    /// value is added (`.solid` uses its own colour's alpha instead).
    public static func synthetic(
        width: Int, height: Int, pattern: SyntheticPattern = .gradient, alpha: UInt8? = nil
    ) throws(ImagingError) -> Raster {
        guard width > 0, height > 0, width <= 16_384, height <= 16_384 else {
            throw .invalidArgument("synthetic images are 1…16384 px a side (got \(width)×\(height))")
        }
        var solidAlpha: UInt8?
        if case .solid(let color) = pattern, color.alpha != 255 { solidAlpha = color.alpha }
        let bandAlpha = alpha ?? solidAlpha
        let bands = bandAlpha == nil ? 3 : 4
        var bytes = [UInt8]()
        bytes.reserveCapacity(width * height * bands)
        for y in 0..<height {
            for x in 0..<width {
                let color = pattern.color(x: x, y: y, width: width, height: height)
                bytes.append(color.red)
                bytes.append(color.green)
                bytes.append(color.blue)
                if let bandAlpha { bytes.append(bandAlpha) }
            }
        }
        return try Raster(pixels: bytes, width: width, height: height, bands: bands)
    }
}
