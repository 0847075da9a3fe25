import CVipsShim

/// An image held by libvips: decoded (or computed lazily), immutable, safe to share.
///
/// Every operation returns a new `Raster`; none changes `self`. Pixels are usually in
/// memory (after `decode`) or computed on demand from other rasters by a libvips pipeline.
///
/// `@unchecked Sendable` is sound because: the wrapped `VipsImage` is never mutated after
/// this object is created (no method here sets fields or metadata on it: metadata changes
/// go to a fresh copy, see `easel_copy_with_orientation`); libvips documents images as
/// safe to read and to use as operation inputs from many threads at once, since pixel
/// generation locks internally per region; and the reference count is atomic (GObject).
public final class Raster: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<VipsImage>

    /// Takes ownership of one reference to `pointer`.
    init(owning pointer: UnsafeMutablePointer<VipsImage>) {
        self.pointer = pointer
    }

    deinit {
        g_object_unref(pointer)
    }

    public var width: Int { Int(vips_image_get_width(pointer)) }
    public var height: Int { Int(vips_image_get_height(pointer)) }
    /// Number of bands including alpha: 3 (RGB) or 4 (RGBA) for anything `decode` returns.
    public var bands: Int { Int(vips_image_get_bands(pointer)) }
    public var hasAlpha: Bool { vips_image_hasalpha(pointer) != 0 }
}

extension Raster {
    /// Runs one shim call that produces an image, turning failure into an `ImagingError`.
    func derive(
        _ operation: String,
        failure: (String) -> ImagingError = { .operationFailed($0) },
        _ call: (UnsafeMutablePointer<VipsImage>, UnsafeMutablePointer<UnsafeMutablePointer<VipsImage>?>) -> Int32
    ) throws(ImagingError) -> Raster {
        var output: UnsafeMutablePointer<VipsImage>?
        let status = call(pointer, &output)
        guard status == 0, let output else {
            if let output { g_object_unref(output) }
            throw failure("\(operation) failed: \(VipsErrorBuffer.take())")
        }
        return Raster(owning: output)
    }

    /// Computes every pixel now and keeps them in memory, so later reads cannot fail on the
    /// source (e.g. a truncated file) and the encoded input can be released.
    func materialized(failure: (String) -> ImagingError = { .operationFailed($0) }) throws(ImagingError) -> Raster {
        guard let copy = vips_image_copy_memory(pointer) else {
            throw failure(VipsErrorBuffer.take())
        }
        return Raster(owning: copy)
    }
}
