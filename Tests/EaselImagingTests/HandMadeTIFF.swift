import Foundation

/// Writes a minimal uncompressed little-endian TIFF, so tests can make a CMYK input.
enum HandMadeTIFF {
    /// An 8-bit CMYK (PhotometricInterpretation 5, "separated") image from interleaved
    /// C, M, Y, K bytes.
    static func cmyk(width: UInt16, height: UInt16, samples: [UInt8]) -> Data {
        // Layout: 8-byte header, pixel data, BitsPerSample values, then the IFD.
        let pixelOffset: UInt32 = 8
        let bitsOffset = pixelOffset + UInt32(samples.count)
        let ifdOffset = bitsOffset + 8
        var tiff = Data([0x49, 0x49, 42, 0])
        tiff.appendLittle32(ifdOffset)
        tiff.append(contentsOf: samples)
        for _ in 0..<4 { tiff.appendLittle16(8) }
        // (tag, type, count, value): type 3 = SHORT, 4 = LONG; tags ascend as TIFF requires.
        let entries: [(UInt16, UInt16, UInt32, UInt32)] = [
            (256, 3, 1, UInt32(width)),        // ImageWidth
            (257, 3, 1, UInt32(height)),       // ImageLength
            (258, 3, 4, bitsOffset),           // BitsPerSample: 8,8,8,8 (stored above)
            (259, 3, 1, 1),                    // Compression: none
            (262, 3, 1, 5),                    // PhotometricInterpretation: separated (CMYK)
            (273, 4, 1, pixelOffset),          // StripOffsets
            (277, 3, 1, 4),                    // SamplesPerPixel
            (278, 3, 1, UInt32(height)),       // RowsPerStrip
            (279, 4, 1, UInt32(samples.count)),  // StripByteCounts
            (284, 3, 1, 1),                    // PlanarConfiguration: interleaved
        ]
        tiff.appendLittle16(UInt16(entries.count))
        for (tag, type, count, value) in entries {
            tiff.appendLittle16(tag)
            tiff.appendLittle16(type)
            tiff.appendLittle32(count)
            if type == 3 && count == 1 {
                tiff.appendLittle16(UInt16(value))
                tiff.appendLittle16(0)
            } else {
                tiff.appendLittle32(value)
            }
        }
        tiff.appendLittle32(0)  // no next IFD
        return tiff
    }
}

extension Data {
    mutating func appendLittle16(_ value: UInt16) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)])
    }

    mutating func appendLittle32(_ value: UInt32) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)])
    }
}
