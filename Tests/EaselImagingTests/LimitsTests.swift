import EaselImaging
import Foundation
import Testing

@Suite("Size caps are checked on the header, before pixels")
struct LimitsTests {
    @Test("A header declaring 60000×60000 over no pixel data is refused as too large")
    func decompressionBomb() throws {
        // Decoding this would need 10.8 GB; if pixels were read first it would fail as
        // corrupt (there are none), so `tooLarge` proves the header was checked first.
        let bomb = HandMadePNG.make(width: 60_000, height: 60_000, bitDepth: 8, color: .rgb, samples: nil)
        let error = #expect(throws: ImagingError.self) { try Raster.decode(bomb) }
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("60000×60000") == true)
    }

    @Test("Pixel and side caps refuse what breaks them, and accept what meets them exactly")
    func caps() throws {
        let data = try Raster.synthetic(width: 200, height: 100).encoded(as: .png())
        let pixelCap = #expect(throws: ImagingError.self) {
            try Raster.decode(data, limits: ImagingLimits(maxPixels: 19_999, maxDimension: 1_000))
        }
        #expect(pixelCap?.code == .tooLarge)
        let sideCap = #expect(throws: ImagingError.self) {
            try Raster.decode(data, limits: ImagingLimits(maxPixels: 1_000_000, maxDimension: 199))
        }
        #expect(sideCap?.code == .tooLarge)
        let exact = try Raster.decode(data, limits: ImagingLimits(maxPixels: 20_000, maxDimension: 200))
        #expect(exact.width == 200)
    }

    @Test("The cap applies to the stored size of a JPEG, whatever its orientation tag")
    func capBeforeRotation() throws {
        let data = try Raster.synthetic(width: 300, height: 100).withEXIFOrientation(6)
            .encoded(as: .jpeg(), stripMetadata: false)
        let error = #expect(throws: ImagingError.self) {
            try Raster.decode(data, limits: ImagingLimits(maxPixels: 1_000_000, maxDimension: 299))
        }
        #expect(error?.code == .tooLarge)
    }
}

@Suite("Header probe")
struct HeaderTests {
    @Test("Reads format, stored and upright size without decoding")
    func header() throws {
        let jpeg = try Raster.synthetic(width: 30, height: 10).withEXIFOrientation(6)
            .encoded(as: .jpeg(), stripMetadata: false)
        let header = try Raster.readHeader(jpeg)
        #expect(header == ImageHeader(format: .jpeg, storedWidth: 30, storedHeight: 10, orientation: 6))
        #expect(header.width == 10 && header.height == 30)
        let bomb = HandMadePNG.make(width: 60_000, height: 60_000, bitDepth: 8, color: .rgb, samples: nil)
        #expect(throws: ImagingError.self) { try Raster.readHeader(bomb) }
        let webp = try Raster.readHeader(Raster.synthetic(width: 5, height: 7).encoded(as: .webp()))
        #expect(webp.format == .webp && webp.width == 5 && webp.height == 7 && webp.orientation == 1)
    }
}
