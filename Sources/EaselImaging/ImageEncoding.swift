/// How `Raster.encoded` writes an image.
public enum ImageEncoding: Sendable, Equatable {
    /// Lossless; `compression` 0…9 trades speed for size only, never pixels.
    case png(compression: Int = 6)
    /// `quality` 1…100. JPEG has no alpha: transparent areas are flattened onto `matte`.
    case jpeg(quality: Int = 90, matte: RGBAColor = .white)
    /// `quality` 1…100, ignored when `lossless`. Keeps alpha.
    case webp(quality: Int = 90, lossless: Bool = false)

    public var contentType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .webp: "image/webp"
        }
    }
}
