import Foundation

extension Raster {
    /// Checks that `data` is a whole, undamaged image within `limits` before it is kept (an
    /// upload): the header, then every pixel decoded, at a reduced size so that validation
    /// costs little memory (a JPEG is decoded at 1/8 scale, other formats are averaged as
    /// their rows stream). A PNG with bytes after its IEND chunk is refused: nothing may ride
    /// along with an image that is served back to browsers.
    ///
    /// Blocking work: call it off Swift's cooperative pool.
    public static func validate(_ data: Data, limits: ImagingLimits = .default) throws(ImagingError) -> ImageHeader {
        let header = try readHeader(data, limits: limits)
        if header.format == .png {
            let trailing = data.withUnsafeBytes { bytes in PNGEndChunk.end(in: bytes).map { bytes.count - $0 } }
            if let trailing, trailing > 0 {
                throw .corrupt("PNG data has \(trailing) bytes after its IEND chunk")
            }
        }
        _ = try decode(data, limits: limits, atLeast: (width: 64, height: 64))
        return header
    }
}
