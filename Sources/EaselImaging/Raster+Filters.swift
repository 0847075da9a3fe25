import CVipsShim

extension Raster {
    /// Unsharp mask: `radius` in pixels (sigma), `amount` about 1 for a clear effect.
    public func sharpened(radius: Double, amount: Double) throws(ImagingError) -> Raster {
        try mappingColour { colour throws(ImagingError) in
            try colour.derive("sharpen") { easel_sharpen($0, $1, max(0.3, radius), max(0, amount) * 3) }
                .derive("to sRGB") { easel_colourspace($0, $1, VIPS_INTERPRETATION_sRGB) }
        }
    }

    /// Gaussian blur of standard deviation `sigma` pixels.
    public func blurred(sigma: Double) throws(ImagingError) -> Raster {
        guard sigma > 0.05 else { return self }
        return try mappingColour { colour throws(ImagingError) in
            try colour.derive("blur") { easel_gaussblur($0, $1, sigma) }
        }
    }

    /// Median filter over `size` × `size` pixels: removes speckle noise, keeps edges.
    public func medianFiltered(size: Int) throws(ImagingError) -> Raster {
        let odd = max(3, size | 1)
        return try mappingColour { colour throws(ImagingError) in
            try colour.derive("median") { easel_median($0, $1, Int32(odd)) }
        }
    }

    /// Local contrast by CLAHE on L* over windows of `window` pixels, mixed in by `amount`
    /// (0…1). Colour (a*, b*) is kept, so only detail and tone change.
    public func localContrast(window: Int, amount: Double) throws(ImagingError) -> Raster {
        let mix = min(max(amount, 0), 1)
        guard mix > 0 else { return self }
        let side = max(8, window)
        return try mappingColour { colour throws(ImagingError) in
            let lab = try colour.derive("to Lab") { easel_colourspace($0, $1, VIPS_INTERPRETATION_LAB) }
            let l = try lab.bands(0, count: 1)
            let equalised = try l.linear(2.55, 0.5).castUChar()
                .derive("CLAHE") { easel_hist_local($0, $1, Int32(side), Int32(side), 3) }
                .linear(1 / 2.55 * mix, 0)
            let mixed = try l.linear(1 - mix, 0).plus(equalised)
            return try mixed.joined(bands: lab.bands(1, count: 2)).tagged(VIPS_INTERPRETATION_LAB)
                .derive("to sRGB") { easel_colourspace($0, $1, VIPS_INTERPRETATION_sRGB) }
        }
    }

    /// Monochrome film grain: Gaussian noise of `sigma` levels (of 255) added to every
    /// colour band alike. The same `seed` gives the same grain.
    public func withGrain(sigma: Double, seed: UInt32) throws(ImagingError) -> Raster {
        guard sigma > 0 else { return self }
        let (w, h) = (Int32(width), Int32(height))
        // libvips takes a C int seed; the top bit is dropped so it is never negative.
        let noise = try Raster.generated("noise") { easel_gaussnoise($0, w, h, sigma, Int32(seed & 0x7FFF_FFFF)) }
        return try mappingColour { colour throws(ImagingError) in
            try colour.plus(noise)
        }
    }
}
