import EaselImaging

/// Puts images side by side or in a grid of `columns` × `rows` cells filling exactly the
/// requested size; each image is fitted to its cell, and empty cells are black.
struct LayoutBuilder {
    let columns: Int
    let rows: Int
    let mode: ResizeMode

    func layout(_ images: [Raster], width: Int, height: Int) throws(ImagingError) -> Raster {
        guard width >= columns, height >= rows else {
            throw .invalidArgument("a \(columns)×\(rows) layout needs at least \(columns)×\(rows) pixels (got \(width)×\(height))")
        }
        let widths = Self.split(width, into: columns)
        let heights = Self.split(height, into: rows)
        var canvas: Raster?
        for row in 0..<rows {
            var strip: Raster?
            for column in 0..<columns {
                let index = row * columns + column
                let source = index < images.count ? images[index] : try Raster.synthetic(width: 1, height: 1, pattern: .solid(.black))
                let cell = try source.resized(width: widths[column], height: heights[row], mode: mode).flattened(onto: .black)
                strip = try strip.map { s throws(ImagingError) in try s.joined(cell, horizontal: true) } ?? cell
            }
            guard let strip else { continue }
            canvas = try canvas.map { c throws(ImagingError) in try c.joined(strip, horizontal: false) } ?? strip
        }
        guard let canvas else { throw .invalidArgument("an empty layout") }
        return canvas
    }

    /// `total` split into `parts` whole sizes that add up exactly.
    static func split(_ total: Int, into parts: Int) -> [Int] {
        let count = max(1, min(parts, total))
        return (0..<count).map { total * ($0 + 1) / count - total * $0 / count }
    }
}
