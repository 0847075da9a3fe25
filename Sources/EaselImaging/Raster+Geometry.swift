import CVipsShim
import Foundation

extension Raster {
    /// Rotated clockwise by `degrees`. Quarter turns are exact; any other angle is rotated
    /// and then cropped to the largest centred window of the same aspect ratio that holds
    /// no corner of the canvas, so no black wedge shows.
    public func rotated(degrees: Double) throws(ImagingError) -> Raster {
        var angle = degrees.truncatingRemainder(dividingBy: 360)
        if angle < 0 { angle += 360 }
        let quarter = angle / 90
        if abs(quarter - quarter.rounded()) < 1e-9 {
            let turns = Int(quarter.rounded()) % 4
            if turns == 0 { return self }
            return try derive("rotate") { easel_rot($0, $1, Int32(turns)) }
        }
        let radians = angle * .pi / 180
        let (c, s) = (abs(cos(radians)), abs(sin(radians)))
        let (w, h) = (Double(width), Double(height))
        let scale = min(w / (w * c + h * s), h / (w * s + h * c))
        let rotated = try derive("rotate") { easel_rotate($0, $1, angle) }
        let cropWidth = max(1, min(rotated.width, Int(w * scale)))
        let cropHeight = max(1, min(rotated.height, Int(h * scale)))
        let left = (rotated.width - cropWidth) / 2
        let top = (rotated.height - cropHeight) / 2
        return try rotated.derive("crop rotation") {
            easel_extract_area($0, $1, Int32(left), Int32(top), Int32(cropWidth), Int32(cropHeight))
        }
    }

    /// Mirrored left-to-right (`horizontal`) or top-to-bottom.
    public func flipped(horizontal: Bool) throws(ImagingError) -> Raster {
        try derive("flip") { easel_flip($0, $1, horizontal ? 1 : 0) }
    }

    /// Zoomed about the centre: `factor` > 1 keeps the centre 1/`factor` of each side (to be
    /// scaled up by the fit that follows); < 1 shrinks the picture inside a frame filled with
    /// copies of its edges. The size in pixels stays as it was.
    public func zoomed(factor: Double) throws(ImagingError) -> Raster {
        guard factor.isFinite, factor > 0, abs(factor - 1) > 1e-3 else { return self }
        if factor > 1 {
            let cropWidth = max(1, Int(Double(width) / factor))
            let cropHeight = max(1, Int(Double(height) / factor))
            let left = (width - cropWidth) / 2
            let top = (height - cropHeight) / 2
            return try derive("zoom crop") {
                easel_extract_area($0, $1, Int32(left), Int32(top), Int32(cropWidth), Int32(cropHeight))
            }
        }
        let (w, h) = (width, height)
        let inner = try resized(width: max(1, Int(Double(w) * factor)), height: max(1, Int(Double(h) * factor)))
        let x = (w - inner.width) / 2
        let y = (h - inner.height) / 2
        return try inner.derive("zoom out") { easel_embed($0, $1, Int32(x), Int32(y), Int32(w), Int32(h), nil, 0) }
    }

    /// `self` and `other` side by side (`horizontal`) or stacked; heights (or widths) must match.
    public func joined(_ other: Raster, horizontal: Bool) throws(ImagingError) -> Raster {
        let (left, right) = (try convertedToSRGB8().flattened(onto: .black), try other.convertedToSRGB8().flattened(onto: .black))
        return try left.derive("join") { easel_join($0, right.pointer, $1, horizontal ? 1 : 0) }
    }
}
