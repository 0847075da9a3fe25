import Foundation

/// Writes PNG files byte by byte (stored, uncompressed deflate), so tests can make inputs
/// libvips' own encoder would not: 16-bit samples, or a header declaring a huge canvas.
enum HandMadePNG {
    /// PNG colour types.
    enum ColorType: UInt8 {
        case grey = 0
        case rgb = 2
        case greyAlpha = 4
        case rgba = 6

        var channels: Int {
            switch self {
            case .grey: 1
            case .rgb: 3
            case .greyAlpha: 2
            case .rgba: 4
            }
        }
    }

    /// A PNG of `width` × `height` with `samples` (big-endian order for 16-bit, row by row,
    /// no filter bytes: they are added here). With `samples` nil, the image data is a
    /// single empty stored block: a valid header over missing pixels.
    /// With `iccProfile`, an iCCP chunk embeds it.
    static func make(
        width: UInt32, height: UInt32, bitDepth: UInt8, color: ColorType, samples: [UInt8]?,
        iccProfile: Data? = nil
    ) -> Data {
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.appendBigEndian(width)
        header.appendBigEndian(height)
        header.append(contentsOf: [bitDepth, color.rawValue, 0, 0, 0])
        png.appendChunk("IHDR", header)
        if let iccProfile {
            png.appendChunk("iCCP", Data("icc".utf8) + [0, 0] + zlibStored(iccProfile))
        }
        var raw = Data()
        if let samples {
            let rowBytes = Int(width) * color.channels * Int(bitDepth) / 8
            for row in 0..<Int(height) {
                raw.append(0)  // filter: none
                raw.append(contentsOf: samples[(row * rowBytes)..<((row + 1) * rowBytes)])
            }
        }
        png.appendChunk("IDAT", zlibStored(raw))
        png.appendChunk("IEND", Data())
        return png
    }

    /// A zlib stream of stored (uncompressed) deflate blocks.
    private static func zlibStored(_ data: Data) -> Data {
        var out = Data([0x78, 0x01])
        let bytes = [UInt8](data)
        var offset = 0
        repeat {
            let count = min(65_535, bytes.count - offset)
            let final: UInt8 = offset + count >= bytes.count ? 1 : 0
            out.append(final)
            out.append(UInt8(count & 0xFF))
            out.append(UInt8(count >> 8))
            out.append(UInt8(~count & 0xFF))
            out.append(UInt8((~count >> 8) & 0xFF))
            out.append(contentsOf: bytes[offset..<(offset + count)])
            offset += count
        } while offset < bytes.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        out.appendBigEndian(b << 16 | a)
        return out
    }

    static func crc32<S: Sequence<UInt8>>(_ bytes: S) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }
}

extension Data {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    mutating func appendChunk(_ type: String, _ body: Data) {
        appendBigEndian(UInt32(body.count))
        let typed = Data(type.utf8) + body
        append(typed)
        appendBigEndian(HandMadePNG.crc32(typed))
    }
}
