import CVipsShim

extension Raster {
    /// Converts any decoded image to 8-bit sRGB with 3 bands, or 4 when it has alpha.
    func convertedToSRGB8() throws(ImagingError) -> Raster {
        var image = self
        // An embedded profile (Display P3 from phones, Adobe RGB, CMYK press profiles) says
        // what the numbers mean; a damaged profile falls back to the standard conversion.
        if vips_image_get_typeof(pointer, VIPS_META_ICC_NAME) != 0 {
            if let managed = try? colourManaged() {
                image = managed
            } else {
                VipsErrorBuffer.clear()
            }
        }
        // Handles B_W, GREY16, RGB16, CMYK (built-in profile) and LAB inputs; alpha passes
        // through and is rescaled when the depth changes.
        if vips_image_guess_interpretation(image.pointer) != VIPS_INTERPRETATION_sRGB
            || image.format != VIPS_FORMAT_UCHAR {
            image = try image.derive("colour conversion to sRGB") {
                easel_colourspace($0, $1, VIPS_INTERPRETATION_sRGB)
            }
        }
        if image.format != VIPS_FORMAT_UCHAR {
            image = try image.derive("cast to 8-bit") { easel_cast($0, $1, VIPS_FORMAT_UCHAR) }
        }
        // Extra bands beyond RGB + alpha (rare multi-band TIFFs) carry nothing we can show.
        if image.bands > 4 {
            image = try image.derive("drop extra bands") { easel_extract_bands($0, $1, 0, 4) }
        }
        return image
    }

    /// Colour bands through the embedded ICC profile to 8-bit sRGB. Alpha goes around the
    /// transform: libvips would carry a 16-bit alpha through unscaled, and the cast to
    /// 8 bits would then make every translucent pixel opaque.
    private func colourManaged() throws(ImagingError) -> Raster {
        guard hasAlpha else {
            return try derive("ICC transform") { easel_icc_to_srgb($0, $1) }
        }
        let colourBands = Int32(bands - 1)
        let colour = try derive("split colour") { easel_extract_bands($0, $1, 0, colourBands) }
            .derive("ICC transform") { easel_icc_to_srgb($0, $1) }
        var alpha = try derive("split alpha") { easel_extract_bands($0, $1, colourBands, 1) }
        if alpha.format == VIPS_FORMAT_USHORT {
            let scale = [1.0 / 257], offset = [0.0]
            alpha = try alpha.derive("scale alpha") { easel_linear($0, $1, scale, offset, 1) }
        }
        alpha = try alpha.derive("cast alpha") { easel_cast($0, $1, VIPS_FORMAT_UCHAR) }
        return try colour.derive("join alpha") { easel_bandjoin2($0, alpha.pointer, $1) }
    }

    var format: VipsBandFormat { vips_image_get_format(pointer) }
}
