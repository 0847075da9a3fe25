import CVipsShim

extension Raster {
    /// Each colour channel reduced to `levels` evenly spaced values (2…64).
    public func posterized(levels: Int) throws(ImagingError) -> Raster {
        let steps = Double(min(max(levels, 2), 64) - 1)
        return try mappingColour { colour throws(ImagingError) in
            try colour.linear(steps / 255, 0).derive("round") { easel_round($0, $1) }.linear(255 / steps, 0)
        }
    }

    /// Blocks of `block` × `block` pixels, each the average of its area. Size is kept.
    public func pixelated(block: Int) throws(ImagingError) -> Raster {
        let side = max(2, min(block, min(width, height)))
        let (w, h) = (width, height)
        return try mappingColour { colour throws(ImagingError) in
            try colour.derive("shrink") { easel_shrink($0, $1, Double(side), Double(side)) }
                .castUChar()
                .derive("enlarge") { easel_zoom($0, $1, Int32(side), Int32(side)) }
                .fitted(toWidth: w, height: h)
        }
    }

    /// A newspaper dot screen: black dots on white paper in cells of `cell` pixels, each dot's
    /// area proportional to the darkness of its cell (edges half a pixel soft). Deterministic:
    /// the screen is a fixed grid from the top-left corner, with no randomness to seed.
    public func halftoned(cell: Int) throws(ImagingError) -> Raster {
        let side = max(3, min(cell, min(width, height)))
        let (w, h) = (width, height)
        return try mappingColour { colour throws(ImagingError) in
            let darkness = try colour.greyBand()
                .derive("cell means") { easel_shrink($0, $1, Double(side), Double(side)) }
                .linear(-1 / 255, 1)
            // Dot radius for a covered fraction d of the cell: π r² = d · side².
            let radius = try darkness.derive("radius") { easel_pow_const($0, $1, 0.5) }
                .linear(Double(side) / Double.pi.squareRoot(), 0)
                .derive("enlarge") { easel_zoom($0, $1, Int32(side), Int32(side)) }
                .fitted(toWidth: w, height: h)
            let distance = try Raster.generated("coordinates") { easel_xyz($0, Int32(w), Int32(h)) }
                .derive("cell position") { easel_remainder_const($0, $1, Double(side)) }
                .linear(1, -Double(side) / 2 + 0.5)
                .derive("square") { easel_pow_const($0, $1, 2) }
                .derive("sum") { easel_recomb($0, $1, [1, 1], 1, 2) }
                .derive("root") { easel_pow_const($0, $1, 0.5) }
            // Ink where the pixel is inside its dot, with a one-pixel soft edge.
            let paper = try distance.minus(radius).linear(2 * 255, 127.5).castUChar()
            return try paper.greyToSRGB()
        }
    }

    /// A pencil drawing: grey divided by its own blur ("colour dodge" of the inverted blur),
    /// so flat areas go white and edges leave grey strokes. `sigma` sets the stroke width.
    public func pencilSketch(sigma: Double) throws(ImagingError) -> Raster {
        try mappingColour { colour throws(ImagingError) in
            let grey = try colour.greyBand().derive("to float") { easel_cast($0, $1, VIPS_FORMAT_FLOAT) }
            let blurred = try grey.derive("blur") { easel_gaussblur($0, $1, max(0.5, sigma)) }.linear(1, 1)
            // Darken the strokes a little: pencil marks are fainter than the photo's edges.
            let dodge = try grey.linear(255, 0).dividedBy(blurred).linear(1.6, -0.6 * 255).castUChar()
            return try dodge.greyToSRGB()
        }
    }

    /// A cartoon: smoothed flat colour areas (median, then `levels` per channel) with dark
    /// outlines where the grey image has strong edges.
    public func cartooned(levels: Int, smoothing: Int) throws(ImagingError) -> Raster {
        try mappingColour { colour throws(ImagingError) in
            let flat = try colour.medianFiltered(size: smoothing).posterized(levels: levels)
            let edges = try colour.greyBand().derive("smooth") { easel_gaussblur($0, $1, 1) }.castUChar()
                .derive("edges") { easel_sobel($0, $1) }
            // Strong edges (≥ ~64 of 255) go fully dark; weak ones barely change anything.
            let keep = try edges.linear(-4, 1.25 * 255).castUChar().linear(1 / 255, 0)
            return try flat.times(keep)
        }
    }

    /// Oil-paint texture: a median of `size` pixels flattens detail into brush-like patches,
    /// and a light sharpen brings the patch borders back.
    public func oilPainted(size: Int) throws(ImagingError) -> Raster {
        try medianFiltered(size: size).sharpened(radius: 1.5, amount: 0.6)
    }

    /// Exactly `width` × `height`: cropped where larger, edge-extended where smaller.
    func fitted(toWidth width: Int, height: Int) throws(ImagingError) -> Raster {
        var image = self
        if image.width > width || image.height > height {
            let (w, h) = (min(width, image.width), min(height, image.height))
            image = try image.derive("crop") { easel_extract_area($0, $1, 0, 0, Int32(w), Int32(h)) }
        }
        if image.width < width || image.height < height {
            image = try image.derive("extend") { easel_embed($0, $1, 0, 0, Int32(width), Int32(height), nil, 0) }
        }
        return image
    }
}
