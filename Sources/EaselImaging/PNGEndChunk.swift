/// Whether PNG data runs to its IEND chunk, found by walking the chunks by their lengths.
/// libvips decodes a PNG cut inside IEND as if whole (every row is there); `Raster.decode`
/// refuses it like any other truncated file.
enum PNGEndChunk {
    static func isPresent(in bytes: UnsafeRawBufferPointer) -> Bool {
        end(in: bytes) != nil
    }

    /// The offset just past the IEND chunk, or nil when the data stops before it.
    static func end(in bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        var i = 8 // the signature
        while i + 12 <= count {
            let length = Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            let type = (bytes[i + 4], bytes[i + 5], bytes[i + 6], bytes[i + 7])
            let end = i + 12 + length // length, type, data, CRC
            if type == (0x49, 0x45, 0x4E, 0x44) { return end <= count ? end : nil } // "IEND"
            i = end
        }
        return nil
    }
}
