import Foundation

extension Raster {
    /// Checks that `data` is a whole, undamaged image within `limits` before it is kept (an
    /// upload): the header, then every pixel decoded, at a reduced size so that validation
    /// costs little memory (a JPEG is decoded at 1/8 scale, other formats are averaged as
    /// their rows stream). The container's own rules (`ContainerRules`) hold here as on every
    /// other way in.
    ///
    /// Blocking work: call it off Swift's cooperative pool.
    public static func validate(_ data: Data, limits: ImagingLimits = .default) throws(ImagingError) -> ImageHeader {
        let header = try readHeader(data, limits: limits)
        _ = try decode(data, limits: limits, atLeast: (width: 64, height: 64))
        return header
    }
}
