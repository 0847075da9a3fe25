import EaselImaging
import Foundation
import Testing

@Suite("Decoding converts every input to 8-bit sRGB")
struct ColourConversionTests {
    @Test("8-bit grey becomes 3 equal bands")
    func grey() throws {
        let data = HandMadePNG.make(width: 2, height: 1, bitDepth: 8, color: .grey, samples: [10, 200])
        let image = try Raster.decode(data)
        #expect(image.bands == 3 && !image.hasAlpha)
        #expect(try image.pixel(x: 0, y: 0) == [10, 10, 10])
        #expect(try image.pixel(x: 1, y: 0) == [200, 200, 200])
    }

    @Test("Grey with alpha becomes RGBA, alpha kept")
    func greyAlpha() throws {
        let data = HandMadePNG.make(width: 1, height: 1, bitDepth: 8, color: .greyAlpha, samples: [90, 33])
        let image = try Raster.decode(data)
        #expect(image.bands == 4 && image.hasAlpha)
        #expect(try image.pixel(x: 0, y: 0) == [90, 90, 90, 33])
    }

    @Test("16-bit RGBA becomes 8-bit, alpha rescaled too")
    func sixteenBit() throws {
        // One pixel: R = 0xFFFF, G = 0x8080, B = 0, A = 0x8080 (big-endian samples).
        let data = HandMadePNG.make(
            width: 1, height: 1, bitDepth: 16, color: .rgba,
            samples: [0xFF, 0xFF, 0x80, 0x80, 0x00, 0x00, 0x80, 0x80])
        let image = try Raster.decode(data)
        #expect(image.bands == 4)
        #expect(close(try image.pixel(x: 0, y: 0), [255, 128, 0, 128], tolerance: 1))
    }

    @Test("16-bit grey becomes 8-bit sRGB")
    func sixteenBitGrey() throws {
        let data = HandMadePNG.make(width: 1, height: 1, bitDepth: 16, color: .grey, samples: [0x40, 0x40])
        let image = try Raster.decode(data)
        #expect(image.bands == 3)
        #expect(close(try image.pixel(x: 0, y: 0), [64, 64, 64], tolerance: 1))
    }

    @Test("CMYK becomes sRGB through a press profile")
    func cmyk() throws {
        // Pure cyan ink and pure black ink.
        let data = HandMadeTIFF.cmyk(width: 2, height: 1, samples: [255, 0, 0, 0, 0, 0, 0, 255])
        let image = try Raster.decode(data)
        #expect(image.bands == 3)
        let cyan = try image.pixel(x: 0, y: 0)
        #expect(cyan[0] < 60 && cyan[1] > 120 && cyan[2] > 180, "cyan ink looks cyan: \(cyan)")
        let black = try image.pixel(x: 1, y: 0)
        #expect(black.allSatisfy { $0 < 80 }, "black ink looks dark: \(black)")
    }
}

@Suite("Embedded ICC profiles")
struct ICCProfileTests {
    /// sRGB's encoding of a linear value in 0…1, as 8-bit (IEC 61966-2-1).
    private func srgb8(linear v: Double) -> Int {
        let encoded = v <= 0.003_130_8 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055
        return Int((encoded * 255).rounded())
    }

    @Test("8-bit RGB goes through its profile: swapped primaries and a linear curve")
    func eightBit() throws {
        let data = HandMadePNG.make(
            width: 2, height: 1, bitDepth: 8, color: .rgb, samples: [200, 50, 20, 30, 120, 240],
            iccProfile: HandMadeICC.swappedRedGreenLinear())
        let image = try Raster.decode(data)
        #expect(image.bands == 3)
        // Red and green trade places, and every value is re-encoded from linear to sRGB.
        let first = [srgb8(linear: 50 / 255), srgb8(linear: 200 / 255), srgb8(linear: 20 / 255)]
        let second = [srgb8(linear: 120 / 255), srgb8(linear: 30 / 255), srgb8(linear: 240 / 255)]
        let (left, right) = (try image.pixel(x: 0, y: 0), try image.pixel(x: 1, y: 0))
        #expect(close(left, first, tolerance: 3), "\(left), expected \(first)")
        #expect(close(right, second, tolerance: 3), "\(right), expected \(second)")
    }

    @Test("16-bit RGBA goes through its profile and keeps translucent alpha translucent")
    func sixteenBitAlpha() throws {
        let data = HandMadePNG.make(
            width: 1, height: 1, bitDepth: 16, color: .rgba,
            samples: [0xFF, 0xFF, 0x80, 0x80, 0x00, 0x00, 0x80, 0x80],
            iccProfile: HandMadeICC.swappedRedGreenLinear())
        let image = try Raster.decode(data)
        #expect(image.bands == 4)
        let pixel = try image.pixel(x: 0, y: 0)
        let expected = [srgb8(linear: Double(0x8080) / 65_535), 255, 0, 128]
        #expect(close(pixel, expected, tolerance: 3), "\(pixel), expected \(expected)")
    }

    @Test("A damaged profile falls back to plain sRGB instead of failing")
    func damaged() throws {
        let data = HandMadePNG.make(
            width: 1, height: 1, bitDepth: 8, color: .rgb, samples: [200, 50, 20],
            iccProfile: Data(repeating: 0x5A, count: 300))
        let image = try Raster.decode(data)
        #expect(try image.pixel(x: 0, y: 0) == [200, 50, 20])
    }
}
