import CVipsShim

extension Raster {
    /// Unsharp mask on luma: `radius` in pixels (sigma), `amount` about 1 for a clear effect.
    /// Like libvips' sharpen (flat areas left alone, halos capped) without its trip through
    /// Lab: the detail of the 8-bit luma is shaped by a table and added to R, G and B alike.
    public func sharpened(radius: Double, amount: Double) throws(ImagingError) -> Raster {
        let table = try Raster.floats(Self.sharpenCurve(gain: max(0, amount) * 3), width: 511, height: 1)
        return try mappingColour { colour throws(ImagingError) in
            let luma = try colour.derive("luma") { easel_recomb($0, $1, [0.299, 0.587, 0.114], 1, 3) }.castUChar()
            let blurred = try luma.derive("blur") { easel_gaussblur($0, $1, max(0.3, radius)) }
            let detail = try luma.minus(blurred).linear(1, 255)
                .derive("to index") { easel_cast($0, $1, VIPS_FORMAT_USHORT) }
                .derive("shape") { easel_maplut($0, $1, table.pointer) }
            return try colour.plus(detail)
        }
    }

    /// Added luma for each detail −255…255 (index + 255): none below 5 levels, then `gain`
    /// per level, at most 25 lighter or 51 darker (libvips' defaults, in 8-bit levels).
    private static func sharpenCurve(gain: Double) -> [Float] {
        (-255...255).map { d in
            let magnitude = gain * max(0, Double(abs(d)) - 5)
            return Float(d < 0 ? -min(magnitude, 51) : min(magnitude, 25.5))
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

    /// Monochrome film grain: near-Gaussian noise of `sigma` levels (of 255) added to every
    /// colour band alike. The same `seed` gives the same grain (see `easel_grain_noise`).
    public func withGrain(sigma: Double, seed: UInt32) throws(ImagingError) -> Raster {
        guard sigma > 0 else { return self }
        let (w, h) = (Int32(width), Int32(height))
        // Signed 8-bit noise, one byte a pixel; each sum is clipped back to 0…255.
        let noise = try Raster.generated("noise") { easel_grain_noise($0, w, h, min(sigma, 40), seed) }
        return try mappingColour { colour throws(ImagingError) in
            try colour.plus(noise)
        }
    }
}
