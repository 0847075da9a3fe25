import EaselImaging

extension Raster {
    /// The band values at (x, y); reads all pixels, so for small test images only.
    func pixel(x: Int, y: Int) throws -> [Int] {
        let bytes = try pixelBytes()
        let start = (y * width + x) * bands
        return bytes[start..<(start + bands)].map(Int.init)
    }
}

/// True when every value is within `tolerance` of the expected one.
func close(_ actual: [Int], _ expected: [Int], tolerance: Int) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) <= tolerance }
}
