import EaselImaging

/// A small numeric summary of an output image for golden checks: the picture averaged down
/// to a 6 × 4 grid of RGB values (where things are, and their colour) plus Lab statistics
/// (tone and colour overall). Compared with tolerances, so that small differences between
/// libvips builds or CPUs pass while a changed operation does not.
struct ImageFingerprint: CustomStringConvertible {
    /// 6 × 4 pixels, RGB, row by row.
    var grid: [UInt8]
    var meanL: Double
    var stdDevL: Double
    var meanA: Double
    var meanB: Double

    init(_ image: Raster) throws {
        grid = try image.flattened(onto: .black).resized(width: 6, height: 4).pixelBytes()
        let statistics = try image.statistics()
        (meanL, stdDevL) = (statistics.meanL, statistics.stdDevL)
        (meanA, meanB) = (statistics.meanA, statistics.meanB)
    }

    init(grid hex: String, l: Double, sdL: Double, a: Double, b: Double) {
        let digits = Array(hex.utf8)
        grid = stride(from: 0, to: digits.count - 1, by: 2).map {
            UInt8(String(decoding: digits[$0...($0 + 1)], as: UTF8.self), radix: 16) ?? 0
        }
        (meanL, stdDevL, meanA, meanB) = (l, sdL, a, b)
    }

    /// What fails the check: grid cells more than `cell` levels off, or statistics more than
    /// `lab` off. Empty when the images match.
    func differences(from golden: ImageFingerprint, cell: Int = 8, lab: Double = 1.5) -> [String] {
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
        return found
    }

    /// Source text for a golden, to paste into the table when an output changes on purpose.
    var description: String {
        let hex = grid.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        return "grid: \"\(hex)\", l: \(meanL.formatted2), sdL: \(stdDevL.formatted2), a: \(meanA.formatted2), b: \(meanB.formatted2)"
    }
}

private extension Double {
    var formatted2: String { String((self * 100).rounded() / 100) }
}
