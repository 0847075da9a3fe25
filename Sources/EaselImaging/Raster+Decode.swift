import CVipsShim
import Foundation

extension Raster {
    /// Decodes an encoded image into 8-bit sRGB (3 bands, or 4 with alpha), upright.
    ///
    /// In order: sniff the format from the bytes (allow-list, see `InputFormat`); read the
    /// header only and refuse it if it breaks `limits`; then decode, apply the EXIF
    /// orientation, convert colour (embedded ICC profile, grayscale, CMYK, 16-bit) and keep
    /// the pixels in memory. Damaged or truncated data throws; nothing here traps on input.
    ///
    /// With `atLeast`, a JPEG or WebP much larger than that size is decoded shrunk (by 2, 4
    /// or 8) while staying at least that large on both axes: the decoder does less work and
    /// the full-size pixels never occupy memory.
    public static func decode(
        _ data: Data, limits: ImagingLimits = .default, atLeast: (width: Int, height: Int)? = nil
    ) throws(ImagingError) -> Raster {
        try withOpened(data, limits: limits) { opened, format, bytes throws(ImagingError) in
            var lazy = opened
            if let atLeast, let options = shrinkOptions(for: opened, format: format, atLeast: atLeast) {
                let reopened = easel_load_buffer_options(bytes.baseAddress, bytes.count, options)
                guard let reopened else {
                    throw .corrupt("unreadable \(format.rawValue.uppercased()) data: \(VipsErrorBuffer.take())")
                }
                lazy = Raster(owning: reopened)
            }
            let upright = try lazy.derive("auto-rotate", failure: { .corrupt($0) }) { easel_autorot($0, $1) }
            let srgb = try upright.convertedToSRGB8()
            // Decoding happens here; a truncated or damaged body fails now, not later.
            return try srgb.materialized(failure: { .corrupt("cannot decode pixels: \($0)") })
        }
    }

    /// Reads format, size and orientation from the header alone, checking `limits`: a cheap
    /// way to validate an upload before storing it.
    public static func readHeader(_ data: Data, limits: ImagingLimits = .default) throws(ImagingError) -> ImageHeader {
        try withOpened(data, limits: limits) { lazy, format, _ throws(ImagingError) in
            var orientation: Int32 = 1
            if vips_image_get_typeof(lazy.pointer, VIPS_META_ORIENTATION) != 0,
               vips_image_get_int(lazy.pointer, VIPS_META_ORIENTATION, &orientation) != 0 {
                VipsErrorBuffer.clear()
                orientation = 1
            }
            return ImageHeader(
                format: format, storedWidth: lazy.width, storedHeight: lazy.height,
                orientation: Int(orientation))
        }
    }

    /// Opens `data` lazily (header only), checks format and caps, and runs `body` while the
    /// bytes are pinned: libvips reads them in place, so nothing lazy may escape `body`.
    private static func withOpened<T>(
        _ data: Data, limits: ImagingLimits,
        _ body: (Raster, InputFormat, UnsafeRawBufferPointer) throws(ImagingError) -> T
    ) throws(ImagingError) -> T {
        try ImagingRuntime.start()
        guard !data.isEmpty else { throw .emptyInput() }
        let result: Result<T, ImagingError> = data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return .failure(.emptyInput()) }
            return Result { () throws(ImagingError) -> T in
                let (lazy, format) = try open(base, count: bytes.count)
                try limits.check(width: lazy.width, height: lazy.height)
                return try body(lazy, format, bytes)
            }
        }
        return try result.get()
    }

    /// libvips load options that shrink on load, or nil when the full size is needed.
    private static func shrinkOptions(for image: Raster, format: InputFormat, atLeast: (width: Int, height: Int)) -> String? {
        guard format == .jpeg || format == .webp, atLeast.width > 0, atLeast.height > 0 else { return nil }
        // Orientation may swap the axes: compare against the larger wanted side on both.
        let wanted = max(atLeast.width, atLeast.height)
        let shortSide = min(image.width, image.height)
        guard let factor = [8, 4, 2].first(where: { shortSide / $0 >= wanted }) else { return nil }
        return format == .jpeg ? "[shrink=\(factor)]" : "[scale=\(1.0 / Double(factor))]"
    }

    private static func open(_ base: UnsafeRawPointer, count: Int) throws(ImagingError) -> (Raster, InputFormat) {
        guard let loader = vips_foreign_find_load_buffer(base, count) else {
            VipsErrorBuffer.clear()
            throw .unsupportedFormat("not a recognised image (expected \(InputFormat.acceptedList))")
        }
        let loaderName = String(cString: loader)
        guard let format = InputFormat(loaderName: loaderName) else {
            throw .unsupportedFormat(
                "format \(InputFormat.describe(loaderName: loaderName)) is not accepted (expected \(InputFormat.acceptedList))")
        }
        guard let opened = easel_load_buffer(base, count) else {
            throw .corrupt("unreadable \(format.rawValue.uppercased()) header: \(VipsErrorBuffer.take())")
        }
        return (Raster(owning: opened), format)
    }
}
