import CVipsShim

extension Raster {
    /// The image fitted to exactly `width` × `height` pixels (see `ResizeMode`).
    ///
    /// Resampling is Lanczos3 on premultiplied alpha, so transparent pixels never bleed
    /// colour into their neighbours. The output size is exact whatever the rounding inside
    /// libvips: a scaled image one pixel short is edge-extended, one pixel long is cropped.
    public func resized(width: Int, height: Int, mode: ResizeMode = .cover) throws(ImagingError) -> Raster {
        guard width > 0, height > 0, width <= 65_535, height <= 65_535 else {
            throw .invalidArgument("target size must be 1…65535 px a side (got \(width)×\(height))")
        }
        switch mode {
        case .cover:
            return try covering(width: width, height: height)
        case .contain(let background):
            return try contained(width: width, height: height, background: background)
        }
    }

    private func covering(width: Int, height: Int) throws(ImagingError) -> Raster {
        let scale = max(Double(width) / Double(self.width), Double(height) / Double(self.height))
        // The scaled size is at least the frame on both axes; the larger axis is rounded.
        let scaledWidth = max(width, Int((Double(self.width) * scale).rounded()))
        let scaledHeight = max(height, Int((Double(self.height) * scale).rounded()))
        let scaled = try scaled(toWidth: scaledWidth, height: scaledHeight)
            .grown(toAtLeastWidth: width, height: height)
        return try scaled.centreCropped(width: width, height: height)
    }

    private func contained(width: Int, height: Int, background: RGBAColor) throws(ImagingError) -> Raster {
        let scale = min(Double(width) / Double(self.width), Double(height) / Double(self.height))
        let fitWidth = min(width, max(1, Int((Double(self.width) * scale).rounded())))
        let fitHeight = min(height, max(1, Int((Double(self.height) * scale).rounded())))
        let resampled = try scaled(toWidth: fitWidth, height: fitHeight)
        // A pixel too many is cropped here; a pixel too few is absorbed by the padding.
        var fitted = try resampled.centreCropped(
            width: min(resampled.width, width), height: min(resampled.height, height))
        if background.alpha != 255 && !fitted.hasAlpha {
            fitted = try fitted.derive("add alpha") { easel_bandjoin_const($0, $1, 255) }
        }
        let values = fitted.bands == 4 ? background.rgba : background.rgb
        let x = (width - fitted.width) / 2
        let y = (height - fitted.height) / 2
        return try fitted.derive("pad") { easel_embed($0, $1, Int32(x), Int32(y), Int32(width), Int32(height), values, Int32(values.count)) }
    }

    /// Resamples to about `width` × `height` (libvips may round one pixel either way).
    private func scaled(toWidth width: Int, height: Int) throws(ImagingError) -> Raster {
        if width == self.width && height == self.height { return self }
        let hscale = Double(width) / Double(self.width)
        let vscale = Double(height) / Double(self.height)
        guard hasAlpha else {
            return try derive("resize") { easel_resize($0, $1, hscale, vscale) }
        }
        return try derive("premultiply") { easel_premultiply($0, $1) }
            .derive("resize") { easel_resize($0, $1, hscale, vscale) }
            .derive("unpremultiply") { easel_unpremultiply($0, $1) }
            .derive("cast to 8-bit") { easel_cast($0, $1, VIPS_FORMAT_UCHAR) }
    }

    /// Extends edge pixels outward, centred, where the image is smaller than the size.
    private func grown(toAtLeastWidth width: Int, height: Int) throws(ImagingError) -> Raster {
        let newWidth = max(width, self.width)
        let newHeight = max(height, self.height)
        if newWidth == self.width && newHeight == self.height { return self }
        let x = (newWidth - self.width) / 2
        let y = (newHeight - self.height) / 2
        return try derive("extend edges") { easel_embed($0, $1, Int32(x), Int32(y), Int32(newWidth), Int32(newHeight), nil, 0) }
    }

    /// The centre `width` × `height` window; needs the image to be at least that large.
    private func centreCropped(width: Int, height: Int) throws(ImagingError) -> Raster {
        if width == self.width && height == self.height { return self }
        let left = (self.width - width) / 2
        let top = (self.height - height) / 2
        return try derive("crop") { easel_extract_area($0, $1, Int32(left), Int32(top), Int32(width), Int32(height)) }
    }
}
