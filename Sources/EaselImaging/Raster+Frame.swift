import CVipsShim

extension Raster {
    /// The `width` × `height` window at (`left`, `top`); the window must lie inside the image.
    public func cropped(left: Int, top: Int, width: Int, height: Int) throws(ImagingError) -> Raster {
        guard left >= 0, top >= 0, width > 0, height > 0, left + width <= self.width, top + height <= self.height else {
            throw .invalidArgument("crop \(width)×\(height) at \(left),\(top) lies outside \(self.width)×\(self.height)")
        }
        if left == 0 && top == 0 && width == self.width && height == self.height { return self }
        return try derive("crop") { easel_extract_area($0, $1, Int32(left), Int32(top), Int32(width), Int32(height)) }
    }

    /// The `width` × `height` window that libvips' attention measure rates most interesting
    /// (edges, skin tones, saturated colour). It detects no subject: on a plain scene it
    /// settles where the detail is.
    public func salientCropped(width: Int, height: Int) throws(ImagingError) -> Raster {
        guard width > 0, height > 0, width <= self.width, height <= self.height else {
            throw .invalidArgument("salient crop \(width)×\(height) does not fit in \(self.width)×\(self.height)")
        }
        return try derive("smartcrop") { easel_smartcrop_attention($0, $1, Int32(width), Int32(height)) }
    }

    /// The image centred on a `width` × `height` canvas of the opaque colour `fill`.
    public func centred(onWidth width: Int, height: Int, fill: RGBAColor) throws(ImagingError) -> Raster {
        guard width >= self.width, height >= self.height else {
            throw .invalidArgument("a \(self.width)×\(self.height) image does not fit on \(width)×\(height)")
        }
        let flat = try convertedToSRGB8().flattened(onto: fill)
        let values = fill.rgb
        let (x, y) = ((width - flat.width) / 2, (height - flat.height) / 2)
        return try flat.derive("frame") { easel_embed($0, $1, Int32(x), Int32(y), Int32(width), Int32(height), values, Int32(values.count)) }
    }

    /// The image centred over `background`, which must be at least as large.
    public func centred(over background: Raster) throws(ImagingError) -> Raster {
        guard background.width >= width, background.height >= height else {
            throw .invalidArgument("a \(width)×\(height) image does not fit over \(background.width)×\(background.height)")
        }
        let sub = try convertedToSRGB8().flattened(onto: .black)
        let main = try background.convertedToSRGB8().flattened(onto: .black)
        let (x, y) = ((main.width - sub.width) / 2, (main.height - sub.height) / 2)
        return try main.derive("insert") { easel_insert($0, sub.pointer, $1, Int32(x), Int32(y)) }
    }
}
