import Foundation

/// Minimal ICC v2 RGB display profiles built byte by byte, so tests can decode
/// colour-managed inputs: primaries as D50 XYZ and one pure gamma curve for all channels.
enum HandMadeICC {
    typealias XYZ = (Double, Double, Double)

    /// sRGB's primaries adapted to D50, as sRGB profiles carry them.
    static let srgbRed: XYZ = (0.4361, 0.2225, 0.0139)
    static let srgbGreen: XYZ = (0.3851, 0.7169, 0.0971)
    static let srgbBlue: XYZ = (0.1431, 0.0606, 0.7141)

    /// Far from sRGB: the red and green primaries swapped, and linear (gamma 1). Its white
    /// is still D50, so a converter that honours it turns (r, g, b) into sRGB's encoding of
    /// the linear values (g, r, b) / 255; one that ignores it leaves the numbers as they are.
    static func swappedRedGreenLinear() -> Data {
        rgb(red: srgbGreen, green: srgbRed, blue: srgbBlue, gamma: 1)
    }

    private static func rgb(red: XYZ, green: XYZ, blue: XYZ, gamma: Double) -> Data {
        let xyzTags: [(String, XYZ)] = [
            ("wtpt", (0.9642, 1.0, 0.8249)),
            ("rXYZ", red),
            ("gXYZ", green),
            ("bXYZ", blue),
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
        let fixed8 = UInt16((gamma * 256).rounded())  // u8Fixed8: 1.0 is 0x0100
        tagData.append(contentsOf: [UInt8(fixed8 >> 8), UInt8(fixed8 & 0xFF), 0, 0])  // then padding
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
