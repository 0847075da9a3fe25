/// Whether JPEG data runs to its end-of-image marker, found by walking the marker segments
/// (skipped by their lengths, so EXIF thumbnails cannot answer) and the entropy-coded data
/// (where a 0xFF byte is always followed by 0x00 or a restart marker).
///
/// libvips 8.14 misses some truncations when a decode runs on several threads (about one in
/// ten with two threads, for a JPEG cut in its scan data), so `Raster.decode` checks this
/// first: truncated JPEG data then fails every time.
enum JPEGEndMarker {
    static func isPresent(in bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        guard count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return false }
        var i = 2
        while i + 1 < count {
            guard bytes[i] == 0xFF else {
                i += 1 // entropy-coded data (or stray bytes between segments)
                continue
            }
            let marker = bytes[i + 1]
            switch marker {
            case 0xD9:
                return true
            case 0xFF:
                i += 1 // fill byte before a marker
            case 0x00, 0x01, 0xD0...0xD7:
                i += 2 // stuffed 0xFF, TEM or restart marker: no length follows
            default:
                guard i + 3 < count else { return false }
                let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
                guard length >= 2 else { return false }
                i += 2 + length
            }
        }
        return false
    }
}
