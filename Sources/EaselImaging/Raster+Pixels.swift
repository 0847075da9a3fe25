import CVipsShim

extension Raster {
    /// An 8-bit image from interleaved bytes (row by row, `bands` bytes per pixel):
    /// 1 band is grey, 2 grey + alpha, 3 RGB, 4 RGBA. The bytes are copied.
    public convenience init(pixels: [UInt8], width: Int, height: Int, bands: Int) throws(ImagingError) {
        try ImagingRuntime.start()
        guard width > 0, height > 0, (1...4).contains(bands) else {
            throw .invalidArgument("a raster needs a positive size and 1–4 bands (got \(width)×\(height), \(bands) bands)")
        }
        let (rowBytes, o1) = width.multipliedReportingOverflow(by: bands)
        let (expected, o2) = rowBytes.multipliedReportingOverflow(by: height)
        guard !o1, !o2, width <= Int(Int32.max), height <= Int(Int32.max), pixels.count == expected else {
            throw .invalidArgument("\(pixels.count) bytes do not fill \(width)×\(height) pixels of \(bands) bands")
        }
        let created = pixels.withUnsafeBytes { bytes in
            vips_image_new_from_memory_copy(
                bytes.baseAddress, bytes.count, Int32(width), Int32(height), Int32(bands), VIPS_FORMAT_UCHAR)
        }
        guard let created else {
            throw .operationFailed("cannot create image: \(VipsErrorBuffer.take())")
        }
        let space = bands < 3 ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB
        var tagged: UnsafeMutablePointer<VipsImage>?
        let status = easel_copy_interpretation(created, &tagged, space)
        g_object_unref(created)
        guard status == 0, let tagged else {
            throw .operationFailed("cannot tag image colour space: \(VipsErrorBuffer.take())")
        }
        self.init(owning: tagged)
    }

    /// The pixels as interleaved bytes, row by row (`bands` bytes per pixel for 8-bit images).
    public func pixelBytes() throws(ImagingError) -> [UInt8] {
        var size = 0
        guard let memory = vips_image_write_to_memory(pointer, &size) else {
            throw .operationFailed("cannot read pixels: \(VipsErrorBuffer.take())")
        }
        defer { g_free(memory) }
        return Array(UnsafeRawBufferPointer(start: memory, count: size))
    }
}
