import EaselImaging

/// Applies an `EditPlan` to decoded images with libvips, in the plan's order: framing on the
/// subject, crop and fit (or layout) to the requested size, references, one colour grade,
/// local contrast, restyling, detail and finish, then the bars and borders (see
/// `OutputFraming`), which are never graded.
struct PlanRenderer {
    let plan: EditPlan
    /// Seeds the only randomness (film grain).
    let seed: UInt32

    /// `images[0]` is the subject; `images[i]` the input image i (references), any size.
    func render(_ images: [Raster], width: Int, height: Int) throws(ImagingError) -> Raster {
        guard let subject = images.first else {
            throw .invalidArgument("no image to edit")
        }
        var image = try framed(subject)
        let framing = OutputFraming(plan: plan, width: width, height: height)
        if plan.contains(.grid) || plan.contains(.sideBySide), images.count > 1 {
            image = try fitted(image, with: images, width: width, height: height)
        } else {
            // The picture is fitted inside the frame, graded, and only then bordered.
            image = try framing.cropped(image)
            let size = framing.pictureSize(of: image)
            image = try image.resized(width: size.width, height: size.height)
        }
        image = try withReferences(image, images: images)
        image = try graded(image)
        image = try styled(image)
        return try framing.bordered(try finished(image))
    }

    private func framed(_ source: Raster) throws(ImagingError) -> Raster {
        var image = source
        if let degrees = plan.value(of: .rotate) { image = try image.rotated(degrees: degrees) }
        if plan.contains(.flipHorizontal) { image = try image.flipped(horizontal: true) }
        if plan.contains(.flipVertical) { image = try image.flipped(horizontal: false) }
        if let factor = plan.value(of: .zoom) { image = try image.zoomed(factor: factor) }
        return image
    }

    private func fitted(_ image: Raster, with images: [Raster], width: Int, height: Int) throws(ImagingError) -> Raster {
        let mode: ResizeMode = plan.contains(.pad) ? .contain(background: .black) : .cover
        guard plan.contains(.grid) || plan.contains(.sideBySide), images.count > 1 else {
            return try image.resized(width: width, height: height, mode: mode)
        }
        let cells = [image] + images.dropFirst()
        let columns = plan.contains(.grid) ? Int((Double(cells.count)).squareRoot().rounded(.up)) : cells.count
        let rows = (cells.count + columns - 1) / columns
        return try LayoutBuilder(columns: columns, rows: rows, mode: mode)
            .layout(cells, width: width, height: height)
    }

    private func withReferences(_ image: Raster, images: [Raster]) throws(ImagingError) -> Raster {
        var result = image
        for operation in plan.operations where operation.kind.usesReference {
            guard let index = operation.reference, index < images.count else { continue }
            let reference = images[index]
            switch operation.kind {
            case .colourTransfer:
                result = try ColourTransfer(strength: operation.value).apply(to: result, reference: reference)
            case .blend:
                let fitted = try reference.resized(width: result.width, height: result.height)
                result = try result.screened(with: fitted, amount: min(0.5 * operation.value, 0.9))
            default:
                continue
            }
        }
        return result
    }

    private func graded(_ image: Raster) throws(ImagingError) -> Raster {
        let recipe = ToneRecipe(plan: plan)
        var measured = ToneRecipe.Measurements()
        if recipe.needsMeasurements {
            // Statistics of a small copy, computed once, are as good for global corrections.
            let small = try image.measuringCopy()
            measured.low = try small.lightnessPercentile(0.5)
            measured.high = try small.lightnessPercentile(99.5)
            measured.black = try small.lightnessPercentile(1)
            if plan.contains(.autoWhiteBalance) {
                let cast = try IlluminantEstimate(measuring: small)
                measured.castA = cast.a
                measured.castB = cast.b
            }
        }
        // Local contrast runs on the graded L* before the one conversion back to sRGB.
        let side = max(image.width, image.height)
        var passes: [LocalContrast] = []
        if let dehaze = plan.value(of: .dehaze) {
            passes.append(LocalContrast(window: max(16, side / 4), amount: min(0.35 * dehaze, 0.8)))
        }
        if let clarity = plan.value(of: .clarity) {
            passes.append(LocalContrast(window: max(16, side / 8), amount: min(0.4 * clarity, 0.9)))
        }
        return try image.graded(recipe.grade(measured), localContrast: passes)
    }

    private func styled(_ image: Raster) throws(ImagingError) -> Raster {
        var result = image
        let side = Double(max(image.width, image.height))
        for operation in plan.operations {
            let s = operation.value
            switch operation.kind {
            case .oilPainting: result = try result.oilPainted(size: s > 1.5 ? 9 : (s > 0.75 ? 7 : 5))
            case .cartoon: result = try result.cartooned(levels: max(3, Int(8 - 2 * s)), smoothing: 5)
            case .posterize: result = try result.posterized(levels: max(2, Int((6 / s).rounded())))
            case .pixelate: result = try result.pixelated(block: max(2, Int(side / 64 * s)))
            case .sketch: result = try result.pencilSketch(sigma: max(1, side / 200 * s))
            case .halftone: result = try result.halftoned(cell: max(6, Int(side / 100 * s)))
            default: continue
            }
        }
        return result
    }

    private func finished(_ image: Raster) throws(ImagingError) -> Raster {
        var result = image
        let side = Double(max(image.width, image.height))
        if let s = plan.value(of: .denoise) { result = try result.medianFiltered(size: s > 1.25 ? 5 : 3) }
        if let s = plan.value(of: .sharpness) {
            result = s > 0
                ? try result.sharpened(radius: max(0.7, side / 1000), amount: s)
                : try result.blurred(sigma: side / 150 * abs(s))
        }
        if let s = plan.value(of: .vignette) { result = try result.vignetted(amount: min(s, 1.6)) }
        if let s = plan.value(of: .grain) { result = try result.withGrain(sigma: min(8 * s, 30), seed: seed) }
        return result
    }
}
