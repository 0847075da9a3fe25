import CVipsShim
import Foundation

extension Raster {
    /// Decodes an encoded image into 8-bit sRGB (3 bands, or 4 with alpha), upright.
    ///
    /// In order: sniff the format from the bytes (allow-list, see `InputFormat`); read the
    /// header only and refuse it if it breaks `limits`; then decode, convert colour (embedded
    /// ICC profile, grayscale, CMYK, 16-bit), keep the pixels in memory and apply the EXIF
    /// orientation. Damaged or truncated data throws; nothing here traps on input.
    ///
    /// Pixels stream from the decoder (sequential access), so the full-size image is never
    /// held twice. With `atLeast`, an input at least twice that size on its short side is
    /// reduced by 2, 4 or 8 while staying at least that large on both axes: JPEG and WebP
    /// by the decoder itself, other formats by block averaging as rows arrive. Only the
    /// reduced pixels then occupy memory.
    public static func decode(
        _ data: Data, limits: ImagingLimits = .default, atLeast: (width: Int, height: Int)? = nil
    ) throws(ImagingError) -> Raster {
        try withOpened(data, limits: limits) { opened, format, bytes throws(ImagingError) in
            let srgb = try streamed(opened, format: format, bytes: bytes, atLeast: atLeast)
            // Decoding happens here; a truncated or damaged body fails now, not later.
            let pixels = try srgb.materialized(failure: { .corrupt("cannot decode pixels: \($0)") })
            // Turning reads out of order, which the in-memory pixels allow and a stream would not.
            return try pixels.derive("auto-rotate", failure: { .corrupt($0) }) { easel_autorot($0, $1) }
        }
    }

    /// Runs `body` on the input as it streams from the decoder, never held whole: for work
    /// that reads the pixels once, in order, and is done when `body` returns (an encode).
    /// The decode then overlaps that work instead of preceding it. Returns nil, without
    /// calling `body`, for an input that only `decode` can turn upright (an EXIF orientation
    /// other than 1). What `body` makes must not outlive it: the encoded bytes are read in
    /// place. A damaged body fails inside `body`, as whatever error `body` throws, not as
    /// `.corrupt`: a caller wanting the input's own error decodes it again with `decode`.
    public static func withStreamingDecode<T>(
        _ data: Data, limits: ImagingLimits = .default, atLeast: (width: Int, height: Int)? = nil,
        _ body: (Raster) throws(ImagingError) -> T
    ) throws(ImagingError) -> T? {
        try withOpened(data, limits: limits) { opened, format, bytes throws(ImagingError) -> T? in
            guard opened.orientation == 1 else { return nil }
            return try body(streamed(opened, format: format, bytes: bytes, atLeast: atLeast))
        }
    }

    /// The decoder's output, lazily: checked for truncation, shrunk on load as `atLeast`
    /// allows, in 8-bit sRGB.
    private static func streamed(
        _ opened: Raster, format: InputFormat, bytes: UnsafeRawBufferPointer, atLeast: (width: Int, height: Int)?
    ) throws(ImagingError) -> Raster {
        // libvips' own checks miss some truncations (see JPEGEndMarker, PNGEndChunk).
        if format == .jpeg && !JPEGEndMarker.isPresent(in: bytes) {
            throw .corrupt("truncated JPEG data: no end-of-image marker")
        }
        if format == .png && !PNGEndChunk.isPresent(in: bytes) {
            throw .corrupt("truncated PNG data: no IEND chunk")
        }
        var lazy = opened
        var factor = atLeast.map { shrinkFactor(for: opened, atLeast: $0) } ?? 1
        if factor > 1 && (format == .jpeg || format == .webp) {
            let options = format == .jpeg ? "[shrink=\(factor)]" : "[scale=\(1.0 / Double(factor))]"
            guard let reopened = easel_load_buffer_options(bytes.baseAddress, bytes.count, options, format.strictDecoding ? 1 : 0) else {
                throw .corrupt("unreadable \(format.rawValue.uppercased()) data: \(VipsErrorBuffer.take())")
            }
            lazy = Raster(owning: reopened)
            factor = 1
        }
        var srgb = try lazy.convertedToSRGB8()
        if factor > 1 { srgb = try srgb.blockShrunk(by: factor) }
        return srgb
    }

    /// The EXIF orientation (1–8) the header states; 1 when it states none.
    private var orientation: Int {
        var value: Int32 = 1
        guard vips_image_get_typeof(pointer, VIPS_META_ORIENTATION) != 0,
              vips_image_get_int(pointer, VIPS_META_ORIENTATION, &value) == 0
        else {
            VipsErrorBuffer.clear()
            return 1
        }
        return Int(value)
    }

    /// Reads format, size and orientation from the header alone, checking `limits`: a cheap
    /// way to validate an upload before storing it.
    public static func readHeader(_ data: Data, limits: ImagingLimits = .default) throws(ImagingError) -> ImageHeader {
        try withOpened(data, limits: limits) { lazy, format, _ throws(ImagingError) in
            ImageHeader(format: format, storedWidth: lazy.width, storedHeight: lazy.height, orientation: lazy.orientation)
        }
    }

    /// An upper bound, from the header alone, of the memory a decode of `data` holds at
    /// once: every sample of the full-size image. Streaming decoders (baseline JPEG,
    /// non-interlaced PNG) need far less; an interlaced PNG or a 16-bit TIFF needs all of it.
    public static func decodeCost(_ data: Data, limits: ImagingLimits = .default) throws(ImagingError) -> Int {
        try withOpened(data, limits: limits) { lazy, _, _ throws(ImagingError) in
            let sampleBytes = Int(vips_format_sizeof(vips_image_get_format(lazy.pointer)))
            return lazy.width * lazy.height * lazy.bands * max(sampleBytes, 1)
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
                try ContainerRules.check(format, bytes)
                return try body(lazy, format, bytes)
            }
        }
        return try result.get()
    }

    /// 8, 4, 2 or 1: the largest reduction leaving the short side at least the larger wanted
    /// side (the EXIF orientation, applied later, may swap the axes).
    private static func shrinkFactor(for image: Raster, atLeast: (width: Int, height: Int)) -> Int {
        guard atLeast.width > 0, atLeast.height > 0 else { return 1 }
        let wanted = max(atLeast.width, atLeast.height)
        let shortSide = min(image.width, image.height)
        return [8, 4, 2].first { shortSide / $0 >= wanted } ?? 1
    }

    /// Each `factor` × `factor` block averaged, on premultiplied alpha; 8-bit sRGB in and out.
    private func blockShrunk(by factor: Int) throws(ImagingError) -> Raster {
        let f = Double(factor)
        guard hasAlpha else {
            return try derive("shrink") { easel_shrink($0, $1, f, f) }.castUChar()
        }
        return try derive("premultiply") { easel_premultiply($0, $1) }
            .derive("shrink") { easel_shrink($0, $1, f, f) }
            .derive("unpremultiply") { easel_unpremultiply($0, $1) }
            .castUChar()
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
        guard let opened = easel_load_buffer(base, count, format.strictDecoding ? 1 : 0) else {
            throw .corrupt("unreadable \(format.rawValue.uppercased()) header: \(VipsErrorBuffer.take())")
        }
        return (Raster(owning: opened), format)
    }
}
