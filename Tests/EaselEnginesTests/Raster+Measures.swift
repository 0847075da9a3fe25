import EaselImaging

/// Pixel measures for effect tests, computed from the 8-bit bytes.
extension Raster {
    func pixel(x: Int, y: Int) throws -> [UInt8] {
        let bytes = try pixelBytes()
        let start = (y * width + x) * bands
        return Array(bytes[start..<(start + bands)])
    }

    private func greys() throws -> [Int] {
        let bytes = try pixelBytes()
        return stride(from: 0, to: bytes.count, by: bands).map {
            (Int(bytes[$0]) * 3 + Int(bytes[$0 + 1]) * 6 + Int(bytes[$0 + 2])) / 10
        }
    }

    private func meanGrey(where inside: (Int, Int) -> Bool) throws -> Double {
        let values = try greys()
        var sum = 0, count = 0
        for (index, value) in values.enumerated() where inside(index % width, index / width) {
            sum += value
            count += 1
        }
        return Double(sum) / Double(max(count, 1))
    }

    func cornerLightness() throws -> Double {
        try meanGrey { x, y in (x < width / 8 || x >= width * 7 / 8) && (y < height / 8 || y >= height * 7 / 8) }
    }

    func centreLightness() throws -> Double {
        try meanGrey { x, y in abs(x - width / 2) < width / 10 && abs(y - height / 2) < height / 10 }
    }

    func distinctGreyLevels() throws -> Int { Set(try greys()).count }

    /// Fraction of pixels equal to their left neighbour (blocks repeat).
    func horizontalRepeats() throws -> Double {
        let g = try greys()
        let same = g.indices.dropFirst().filter { $0 % width != 0 && g[$0] == g[$0 - 1] }.count
        return Double(same) / Double(max(g.count - height, 1))
    }

    /// Fraction of pixels near black or white.
    func extremeFraction() throws -> Double {
        let g = try greys()
        return Double(g.filter { $0 < 40 || $0 > 215 }.count) / Double(max(g.count, 1))
    }
}
