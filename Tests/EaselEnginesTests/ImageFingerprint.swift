import EaselImaging

/// A small numeric summary of an output image for golden checks: the picture averaged down
/// to a 6 × 4 grid of RGB values (where things are, and their colour), Lab statistics (tone
/// and colour overall), and what the grid averages away: fine detail (sharpening, grain,
/// blur) and local contrast (clarity). Compared with tolerances, so that small differences
/// between libvips builds or CPUs pass while a changed operation does not.
struct ImageFingerprint: CustomStringConvertible {
    /// 6 × 4 pixels, RGB, row by row.
    var grid: [UInt8]
    var meanL: Double
    var stdDevL: Double
    var meanA: Double
    var meanB: Double
    /// Mean absolute Laplacian of the grey image, in 8-bit levels (see `laplacianEnergy`).
    var detail: Double
    /// Mean spread of the grey within 8 × 8 blocks, in 8-bit levels (see `blockSpread`).
    var localContrast: Double

    init(_ image: Raster) throws {
        let flat = try image.flattened(onto: .black)
        grid = try flat.resized(width: 6, height: 4).pixelBytes()
        let statistics = try image.statistics()
        (meanL, stdDevL) = (statistics.meanL, statistics.stdDevL)
        (meanA, meanB) = (statistics.meanA, statistics.meanB)
        let grey = try Self.grey(flat)
        detail = Self.laplacianEnergy(grey, width: flat.width, height: flat.height)
        localContrast = Self.blockSpread(grey, width: flat.width, height: flat.height)
    }

    init(grid hex: String, l: Double, sdL: Double, a: Double, b: Double, detail: Double, localContrast: Double) {
        let digits = Array(hex.utf8)
        grid = stride(from: 0, to: digits.count - 1, by: 2).map {
            UInt8(String(decoding: digits[$0...($0 + 1)], as: UTF8.self), radix: 16) ?? 0
        }
        (meanL, stdDevL, meanA, meanB) = (l, sdL, a, b)
        (self.detail, self.localContrast) = (detail, localContrast)
    }

    // Both detail measures are computed here from the bytes, independently of the product's
    // own measures, on the grey 0.3 R + 0.6 G + 0.1 B.
    private static func grey(_ image: Raster) throws -> [Double] {
        let bytes = try image.pixelBytes()
        return stride(from: 0, to: bytes.count, by: image.bands).map { (i: Int) -> Double in
            let (r, g, b) = (Double(bytes[i]), Double(bytes[i + 1]), Double(bytes[i + 2]))
            return 0.3 * r + 0.6 * g + 0.1 * b
        }
    }

    /// The mean of |4·g(x, y) − g(x−1, y) − g(x+1, y) − g(x, y−1) − g(x, y+1)| over the inner
    /// pixels: flat areas and smooth gradients give 0, edges and noise a lot.
    private static func laplacianEnergy(_ grey: [Double], width: Int, height: Int) -> Double {
        guard width > 2, height > 2 else { return 0 }
        var total = 0.0
        for y in 1..<(height - 1) {
            for x in 1..<(width - 1) {
                let i = y * width + x
                total += abs(4 * grey[i] - grey[i - 1] - grey[i + 1] - grey[i - width] - grey[i + width])
            }
        }
        return total / Double((width - 2) * (height - 2))
    }

    /// The standard deviation of the grey within each whole 8 × 8 block, averaged: contrast
    /// at the scale clarity works on, which a global spread (sd L*) does not see.
    private static func blockSpread(_ grey: [Double], width: Int, height: Int) -> Double {
        let side = 8
        var total = 0.0, blocks = 0
        for top in stride(from: 0, through: height - side, by: side) {
            for left in stride(from: 0, through: width - side, by: side) {
                var (sum, squares) = (0.0, 0.0)
                for y in top..<(top + side) {
                    for x in left..<(left + side) {
                        sum += grey[y * width + x]
                        squares += grey[y * width + x] * grey[y * width + x]
                    }
                }
                let n = Double(side * side)
                total += max(0, squares / n - (sum / n) * (sum / n)).squareRoot()
                blocks += 1
            }
        }
        return blocks > 0 ? total / Double(blocks) : 0
    }

    /// What fails the check: grid cells more than `cell` levels off, statistics more than
    /// `lab` off, or a detail measure more than `share` of the golden's off (at least 0.5
    /// levels: they span from about 0, flat, to tens, grain). Empty when the images match.
    func differences(from golden: ImageFingerprint, cell: Int = 8, lab: Double = 1.5, share: Double = 0.1) -> [String] {
        var found: [String] = []
        if grid.count != golden.grid.count {
            found.append("grid has \(grid.count) values, golden \(golden.grid.count)")
        } else {
            let worst = zip(grid, golden.grid).map { abs(Int($0) - Int($1)) }.max() ?? 0
            if worst > cell { found.append("a grid cell is \(worst) levels off (tolerance \(cell))") }
        }
        for (name, value, expected) in [("mean L*", meanL, golden.meanL), ("sd L*", stdDevL, golden.stdDevL),
                                        ("mean a*", meanA, golden.meanA), ("mean b*", meanB, golden.meanB)]
        where abs(value - expected) > lab {
            found.append("\(name) is \(value.formatted2), golden \(expected.formatted2) (tolerance \(lab))")
        }
        for (name, value, expected) in [("detail", detail, golden.detail), ("local contrast", localContrast, golden.localContrast)] {
            let tolerance = max(0.5, expected * share)
            if abs(value - expected) > tolerance {
                found.append("\(name) is \(value.formatted2), golden \(expected.formatted2) (tolerance \(tolerance.formatted2))")
            }
        }
        return found
    }

    /// Source text for a golden, to paste into the table when an output changes on purpose.
    var description: String {
        let hex = grid.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        return "grid: \"\(hex)\", l: \(meanL.formatted2), sdL: \(stdDevL.formatted2), a: \(meanA.formatted2), "
            + "b: \(meanB.formatted2), detail: \(detail.formatted2), localContrast: \(localContrast.formatted2)"
    }
}

private extension Double {
    var formatted2: String { String((self * 100).rounded() / 100) }
}
