import CVipsShim
import Foundation

extension Raster {
    /// Decodes an encoded image into 8-bit sRGB (3 bands, or 4 with alpha), upright.
    ///
    /// In order: sniff the format from the bytes (allow-list, see `InputFormat`); read the
    /// header only and refuse it if it breaks `limits`; then decode, apply the EXIF
    /// orientation, convert colour (embedded ICC profile, grayscale, CMYK, 16-bit) and keep
    /// the pixels in memory. Damaged or truncated data throws; nothing here traps on input.
    public static func decode(_ data: Data, limits: ImagingLimits = .default) throws(ImagingError) -> Raster {
        try withOpened(data, limits: limits) { lazy, _ throws(ImagingError) in
            let upright = try lazy.derive("auto-rotate", failure: { .corrupt($0) }) { easel_autorot($0, $1) }
            let srgb = try upright.convertedToSRGB8()
            // Decoding happens here; a truncated or damaged body fails now, not later.
            return try srgb.materialized(failure: { .corrupt("cannot decode pixels: \($0)") })
        }
    }

    /// Reads format, size and orientation from the header alone, checking `limits`: a cheap
    /// way to validate an upload before storing it.
    public static func readHeader(_ data: Data, limits: ImagingLimits = .default) throws(ImagingError) -> ImageHeader {
        try withOpened(data, limits: limits) { lazy, format throws(ImagingError) in
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
        _ body: (Raster, InputFormat) throws(ImagingError) -> T
    ) throws(ImagingError) -> T {
        try ImagingRuntime.start()
        guard !data.isEmpty else { throw .emptyInput() }
        let result: Result<T, ImagingError> = data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return .failure(.emptyInput()) }
            return Result { () throws(ImagingError) -> T in
                let (lazy, format) = try open(base, count: bytes.count)
                try limits.check(width: lazy.width, height: lazy.height)
                return try body(lazy, format)
            }
        }
        return try result.get()
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
