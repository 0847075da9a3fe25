/// A GIF's logical screen and its first frame, read from the blocks before any pixel data.
/// The decoder paints every frame on the screen, so a tiny frame on a huge screen is a small
/// file that decodes to a large, empty canvas.
struct GIFScreen {
    /// The canvas the decoder paints: the logical screen, grown to hold the first frame
    /// where it sits.
    var width: Int
    var height: Int
    /// The first image descriptor's size, or nil when the data ends before one.
    var firstFrame: (width: Int, height: Int)?

    /// Parses the header, the global colour table and the extension blocks up to the first
    /// image descriptor; nil when `bytes` is not a GIF.
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 13, bytes[0] == 0x47, bytes[1] == 0x49, bytes[2] == 0x46 else { return nil } // "GIF"
        width = Self.word(bytes, 6)
        height = Self.word(bytes, 8)
        var i = 13
        if bytes[10] & 0x80 != 0 { i += 3 << (Int(bytes[10] & 0x07) + 1) }
        while i < bytes.count {
            switch bytes[i] {
            case 0x2C: // image descriptor: left, top, width, height
                guard i + 9 < bytes.count else { return }
                // The decoder grows the canvas to fit the first frame where it sits.
                let left = Self.word(bytes, i + 1), top = Self.word(bytes, i + 3)
                let frame = (width: Self.word(bytes, i + 5), height: Self.word(bytes, i + 7))
                firstFrame = frame
                width = max(width, left + frame.width)
                height = max(height, top + frame.height)
                return
            case 0x21: // extension: a label, then sub-blocks until an empty one
                i += 2
                while i < bytes.count, bytes[i] != 0 { i += Int(bytes[i]) + 1 }
                i += 1
            default:
                return
            }
        }
    }

    private static func word(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> Int {
        Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }
}
