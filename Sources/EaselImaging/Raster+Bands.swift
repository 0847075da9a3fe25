import CVipsShim

extension Raster {
    /// A float image from row-major samples (LUTs, masks); `bands` values per pixel.
    static func floats(_ samples: [Float], width: Int, height: Int, bands: Int = 1) throws(ImagingError) -> Raster {
        try ImagingRuntime.start()
        guard width > 0, height > 0, samples.count == width * height * bands else {
            throw .invalidArgument("\(samples.count) floats do not fill \(width)×\(height)×\(bands)")
        }
        let created = samples.withUnsafeBytes { bytes in
            vips_image_new_from_memory_copy(
                bytes.baseAddress, bytes.count, Int32(width), Int32(height), Int32(bands), VIPS_FORMAT_FLOAT)
        }
        guard let created else { throw .operationFailed("cannot create image: \(VipsErrorBuffer.take())") }
        return Raster(owning: created)
    }

    /// An image made by a libvips source operation (noise, coordinates).
    static func generated(
        _ operation: String, _ call: (UnsafeMutablePointer<UnsafeMutablePointer<VipsImage>?>) -> Int32
    ) throws(ImagingError) -> Raster {
        try ImagingRuntime.start()
        var output: UnsafeMutablePointer<VipsImage>?
        guard call(&output) == 0, let output else {
            throw .operationFailed("\(operation) failed: \(VipsErrorBuffer.take())")
        }
        return Raster(owning: output)
    }

    /// Runs `body` on the 8-bit sRGB colour bands and puts the alpha band (if any) back:
    /// filters and looks change colour, never transparency.
    func mappingColour(_ body: (Raster) throws(ImagingError) -> Raster) throws(ImagingError) -> Raster {
        let srgb = try convertedToSRGB8()
        guard srgb.hasAlpha else { return try body(srgb).castUChar() }
        let colour = try srgb.derive("split colour") { easel_extract_bands($0, $1, 0, 3) }
        let alpha = try srgb.derive("split alpha") { easel_extract_bands($0, $1, 3, 1) }
        let mapped = try body(colour).castUChar()
        return try mapped.derive("join alpha") { easel_bandjoin2($0, alpha.pointer, $1) }
    }

    func castUChar() throws(ImagingError) -> Raster {
        if format == VIPS_FORMAT_UCHAR { return self }
        return try derive("cast to 8-bit") { easel_cast($0, $1, VIPS_FORMAT_UCHAR) }
    }

    func tagged(_ space: VipsInterpretation) throws(ImagingError) -> Raster {
        try derive("tag colour space") { easel_copy_interpretation($0, $1, space) }
    }

    func bands(_ first: Int, count: Int) throws(ImagingError) -> Raster {
        try derive("extract bands") { easel_extract_bands($0, $1, Int32(first), Int32(count)) }
    }

    func joined(bands other: Raster) throws(ImagingError) -> Raster {
        try derive("join bands") { easel_bandjoin2($0, other.pointer, $1) }
    }

    func linear(_ scale: [Double], _ offset: [Double]) throws(ImagingError) -> Raster {
        // The C side reads `count` values from both arrays.
        guard scale.count == offset.count, !scale.isEmpty else {
            throw .invalidArgument("linear needs as many offsets as scales (got \(scale.count) and \(offset.count))")
        }
        return try derive("linear") { easel_linear($0, $1, scale, offset, Int32(scale.count)) }
    }

    func linear(_ scale: Double, _ offset: Double) throws(ImagingError) -> Raster {
        try linear([scale], [offset])
    }

    func plus(_ other: Raster) throws(ImagingError) -> Raster {
        try derive("add") { easel_add($0, other.pointer, $1) }
    }

    func minus(_ other: Raster) throws(ImagingError) -> Raster {
        try derive("subtract") { easel_subtract($0, other.pointer, $1) }
    }

    func times(_ other: Raster) throws(ImagingError) -> Raster {
        try derive("multiply") { easel_multiply($0, other.pointer, $1) }
    }

    func dividedBy(_ other: Raster) throws(ImagingError) -> Raster {
        try derive("divide") { easel_divide($0, other.pointer, $1) }
    }

    /// Grey lightness 0…255 (libvips' B_W), one 8-bit band.
    func greyBand() throws(ImagingError) -> Raster {
        try convertedToSRGB8().bands(0, count: 3)
            .derive("to grey") { easel_colourspace($0, $1, VIPS_INTERPRETATION_B_W) }
            .castUChar()
    }

    /// One grey band as 3 identical sRGB bands.
    func greyToSRGB() throws(ImagingError) -> Raster {
        try tagged(VIPS_INTERPRETATION_B_W)
            .derive("grey to sRGB") { easel_colourspace($0, $1, VIPS_INTERPRETATION_sRGB) }
            .castUChar()
    }
}
