import CVipsShim
import Foundation

extension Raster {
    /// Encodes the image. The same pixels and options always give the same bytes.
    /// `stripMetadata` (the default) drops EXIF, XMP and ICC data so that nothing from an
    /// input (GPS position, camera serial) leaks into results; pixels are already sRGB.
    public func encoded(as encoding: ImageEncoding = .png(), stripMetadata: Bool = true) throws(ImagingError) -> Data {
        let strip: Int32 = stripMetadata ? 1 : 0
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32
        switch encoding {
        case .png(let compression):
            guard (0...9).contains(compression) else {
                throw .invalidArgument("PNG compression must be 0…9 (got \(compression))")
            }
            status = easel_png_save(pointer, &buffer, &length, Int32(compression), strip)
        case .jpeg(let quality, let matte):
            guard (1...100).contains(quality) else {
                throw .invalidArgument("JPEG quality must be 1…100 (got \(quality))")
            }
            let opaque = try flattened(onto: matte)
            status = easel_jpeg_save(opaque.pointer, &buffer, &length, Int32(quality), strip)
        case .webp(let quality, let lossless):
            guard (1...100).contains(quality) else {
                throw .invalidArgument("WebP quality must be 1…100 (got \(quality))")
            }
            status = easel_webp_save(pointer, &buffer, &length, Int32(quality), lossless ? 1 : 0, strip)
        }
        guard status == 0, let buffer else {
            throw .operationFailed("\(encoding.contentType) encoding failed: \(VipsErrorBuffer.take())")
        }
        defer { g_free(buffer) }
        return Data(bytes: buffer, count: length)
    }

    /// The image without alpha, composited over `matte`; `self` when already opaque.
    public func flattened(onto matte: RGBAColor) throws(ImagingError) -> Raster {
        guard hasAlpha else { return self }
        // vips_flatten wants one value per colour band: grey images get the matte's grey.
        let background = bands == 2 ? [matte.rgb.reduce(0, +) / 3] : matte.rgb
        return try derive("flatten") { easel_flatten($0, $1, background, Int32(background.count)) }
            .derive("cast to 8-bit") { easel_cast($0, $1, VIPS_FORMAT_UCHAR) }
    }

    /// A copy whose EXIF orientation tag is `orientation` (1…8), written when encoding with
    /// `stripMetadata: false`. For tests and tools that need rotated inputs.
    public func withEXIFOrientation(_ orientation: Int) throws(ImagingError) -> Raster {
        guard (1...8).contains(orientation) else {
            throw .invalidArgument("EXIF orientation must be 1…8 (got \(orientation))")
        }
        return try derive("set orientation") { easel_copy_with_orientation($0, $1, Int32(orientation)) }
    }
}
