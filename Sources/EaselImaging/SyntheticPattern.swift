/// Test and demo images computed from coordinates, so tests need no files.
public enum SyntheticPattern: Sendable, Equatable {
    /// Red rises left to right, green top to bottom, blue falls along the diagonal:
    /// many hues, mid-range lightness (no channel near 0 or 255), so every edit shows.
    case gradient
    /// Red top-left, green top-right, blue bottom-left, white bottom-right: shows where a
    /// rotation or crop moved things.
    case quadrants
    /// One colour everywhere (its alpha is used when the raster has alpha).
    case solid(RGBAColor)

    /// The colour at (x, y) of a width × height image.
    func color(x: Int, y: Int, width: Int, height: Int) -> RGBAColor {
        switch self {
        case .gradient:
            let fx = width > 1 ? Double(x) / Double(width - 1) : 0.5
            let fy = height > 1 ? Double(y) / Double(height - 1) : 0.5
            return RGBAColor(
                red: UInt8(40 + 175 * fx),
                green: UInt8(40 + 175 * fy),
                blue: UInt8(215 - 175 * (fx + fy) / 2))
        case .quadrants:
            let right = x >= width / 2
            let bottom = y >= height / 2
            switch (right, bottom) {
            case (false, false): return RGBAColor(red: 255, green: 0, blue: 0)
            case (true, false): return RGBAColor(red: 0, green: 255, blue: 0)
            case (false, true): return RGBAColor(red: 0, green: 0, blue: 255)
            case (true, true): return .white
            }
        case .solid(let color):
            return color
        }
    }
}
