import Foundation

/// A minimal ICC v2 RGB display profile built byte by byte: sRGB primaries (adapted to
/// D50) and a plain 2.2 gamma curve, so tests can decode colour-managed inputs.
enum HandMadeICC {
    static func rgbGamma22() -> Data {
        let xyzTags: [(String, (Double, Double, Double))] = [
            ("wtpt", (0.9642, 1.0, 0.8249)),
            ("rXYZ", (0.4361, 0.2225, 0.0139)),
            ("gXYZ", (0.3851, 0.7169, 0.0971)),
            ("bXYZ", (0.1431, 0.0606, 0.7141)),
        ]
        let tagCount = xyzTags.count + 3
        let tableEnd = 128 + 4 + 12 * tagCount
        var tagData = Data()
        var table: [(String, Int, Int)] = []
        for (signature, xyz) in xyzTags {
            table.append((signature, tableEnd + tagData.count, 20))
            tagData.append(contentsOf: Array("XYZ ".utf8) + [0, 0, 0, 0])
            for value in [xyz.0, xyz.1, xyz.2] { tagData.appendBigEndian(s15Fixed16(value)) }
        }
        // One curve shared by the three channels: count 1 means a pure gamma (u8Fixed8).
        let curveOffset = tableEnd + tagData.count
        tagData.append(contentsOf: Array("curv".utf8) + [0, 0, 0, 0])
        tagData.appendBigEndian(UInt32(1))
        tagData.append(contentsOf: [0x02, 0x33, 0, 0])  // 2.2 × 256 = 0x0233, then padding
        for signature in ["rTRC", "gTRC", "bTRC"] { table.append((signature, curveOffset, 14)) }

        var header = Data()
        header.appendBigEndian(UInt32(tableEnd + tagData.count))
        header.appendBigEndian(0)                         // preferred CMM
        header.appendBigEndian(0x0210_0000)               // version 2.1
        header.append(contentsOf: Array("mntrRGB XYZ ".utf8))
        header.append(contentsOf: [0x07, 0xE8, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])  // 2024-01-01
        header.append(contentsOf: Array("acsp".utf8))
        header.append(Data(repeating: 0, count: 28))      // platform … rendering intent
        for value in [0.9642, 1.0, 0.8249] { header.appendBigEndian(s15Fixed16(value)) }
        header.append(Data(repeating: 0, count: 128 - header.count))

        var profile = header
        profile.appendBigEndian(UInt32(tagCount))
        for (signature, offset, size) in table {
            profile.append(contentsOf: Array(signature.utf8))
            profile.appendBigEndian(UInt32(offset))
            profile.appendBigEndian(UInt32(size))
        }
        return profile + tagData
    }

    private static func s15Fixed16(_ value: Double) -> UInt32 {
        UInt32(bitPattern: Int32((value * 65_536).rounded()))
    }
}
