import EaselImaging

/// Where the picture sits in the requested frame: an aspect-ratio or salient crop of the
/// input, the size of the picture inside the frame (covering it, or fitted inside with bars
/// for `pad` or a ratio the frame does not have), and the border around it. The picture is
/// graded before `bordered` adds the bars and borders, so they keep their exact colour.
struct OutputFraming {
    /// The share of the frame's short side a border takes on each side.
    static let borderShare = 0.04
    /// How much of the largest window a salient crop keeps on each side: a tighter frame.
    static let salientShare = 0.75

    let width: Int
    let height: Int
    /// The ratio to crop the input to, when the frame does not already have it.
    let ratio: Double?
    let salient: Bool
    let letterbox: Bool
    let border: EditKind?

    init(plan: EditPlan, width: Int, height: Int) {
        self.width = width
        self.height = height
        let frameRatio = Double(width) / Double(height)
        // A ratio the frame already has is nothing to do: the cover fit gives it.
        let asked = plan.value(of: .aspect)
        ratio = asked.flatMap { abs($0 / frameRatio - 1) < 0.01 ? nil : $0 }
        salient = plan.contains(.salientCrop)
        letterbox = plan.contains(.pad) || ratio != nil
        border = plan.operations.first { $0.kind.isBorder }?.kind
    }

    /// The input cropped to the ratio (centred) or around its most salient window.
    func cropped(_ image: Raster) throws(ImagingError) -> Raster {
        guard ratio != nil || salient else { return image }
        let target = ratio ?? Double(width) / Double(height)
        var (w, h) = Self.largest(ratio: target, inWidth: image.width, height: image.height)
        guard salient else {
            return try image.cropped(left: (image.width - w) / 2, top: (image.height - h) / 2, width: w, height: h)
        }
        w = max(1, Int(Double(w) * Self.salientShare))
        h = max(1, Int(Double(h) * Self.salientShare))
        return try image.salientCropped(width: w, height: h)
    }

    /// The picture's size inside the frame: the frame less its border, or fitted inside that.
    func pictureSize(of image: Raster) -> (width: Int, height: Int) {
        let margin = border == nil ? 0 : Int((Double(min(width, height)) * Self.borderShare).rounded())
        let inner = (width: max(1, width - 2 * margin), height: max(1, height - 2 * margin))
        guard letterbox else { return inner }
        let scale = min(Double(inner.width) / Double(image.width), Double(inner.height) / Double(image.height))
        return (min(inner.width, max(1, Int((Double(image.width) * scale).rounded()))),
                min(inner.height, max(1, Int((Double(image.height) * scale).rounded()))))
    }

    /// The graded picture on the frame: bars and borders in their colour, or a blurred,
    /// enlarged copy of the picture behind it.
    func bordered(_ picture: Raster) throws(ImagingError) -> Raster {
        guard picture.width != width || picture.height != height else { return picture }
        if border == .blurredBorder {
            let backdrop = try picture.resized(width: width, height: height)
                .blurred(sigma: Double(max(width, height)) / 40)
            return try picture.centred(over: backdrop)
        }
        return try picture.centred(onWidth: width, height: height, fill: border == .whiteBorder ? .white : .black)
    }

    /// The largest window of `ratio` (width / height) inside `width` × `height`.
    static func largest(ratio: Double, inWidth width: Int, height: Int) -> (width: Int, height: Int) {
        if Double(width) / Double(height) > ratio {
            return (min(width, max(1, Int((Double(height) * ratio).rounded()))), height)
        }
        return (width, min(height, max(1, Int((Double(width) / ratio).rounded()))))
    }
}
