/// Rules on the encoded file itself, beyond what its decoder checks, applied on every way an
/// image comes in (uploads, `data:` URLs, fetched URLs, reference images) because they all
/// open through `Raster.withOpened`:
/// - a PNG ends at its IEND chunk: nothing may ride along with an image that is served back
///   to browsers;
/// - a GIF's logical screen is at most `maxGIFScreenToFrame` times the area of its first
///   frame: the decoder would otherwise paint a few bytes onto a canvas of any size.
enum ContainerRules {
    static var maxGIFScreenToFrame: Int { 4 }

    static func check(_ format: InputFormat, _ bytes: UnsafeRawBufferPointer) throws(ImagingError) {
        switch format {
        case .png:
            if let end = PNGEndChunk.end(in: bytes), end < bytes.count {
                throw .corrupt("PNG data has \(bytes.count - end) bytes after its IEND chunk")
            }
        case .gif:
            guard let screen = GIFScreen(bytes) else { return }
            guard let frame = screen.firstFrame, frame.width > 0, frame.height > 0 else {
                throw .corrupt("GIF data has no image frame")
            }
            if screen.width * screen.height > maxGIFScreenToFrame * frame.width * frame.height {
                throw .corrupt(
                    "GIF logical screen \(screen.width)×\(screen.height) is more than \(maxGIFScreenToFrame) times "
                        + "the area of its first frame (\(frame.width)×\(frame.height))")
            }
        default:
            return
        }
    }
}
