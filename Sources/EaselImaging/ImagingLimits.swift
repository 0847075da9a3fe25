/// Caps checked against an image's header before any pixel is decoded, so a small file that
/// declares a huge canvas (a decompression bomb) costs nothing.
public struct ImagingLimits: Sendable, Equatable {
    /// Most pixels (width × height) an input may have.
    public var maxPixels: Int
    /// Longest side an input may have, in pixels.
    public var maxDimension: Int

    public init(maxPixels: Int, maxDimension: Int) {
        self.maxPixels = maxPixels
        self.maxDimension = maxDimension
    }

    /// 50 megapixels and 12,000 px a side: any phone or DSLR photo, about 200 MB decoded.
    public static let `default` = ImagingLimits(maxPixels: 50_000_000, maxDimension: 12_000)

    /// Throws `tooLarge` when `width` × `height` breaks a cap.
    func check(width: Int, height: Int) throws(ImagingError) {
        if width > maxDimension || height > maxDimension {
            throw .tooLarge(
                "image is \(width)×\(height) px; the longest side allowed is \(maxDimension) px")
        }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || pixels > maxPixels {
            throw .tooLarge(
                "image is \(width)×\(height) px (\(pixels) pixels); at most \(maxPixels) pixels are allowed")
        }
    }
}
