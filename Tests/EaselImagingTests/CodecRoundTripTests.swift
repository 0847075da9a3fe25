import EaselImaging
import Foundation
import Testing

@Suite("Encode and decode round trips")
struct CodecRoundTripTests {
    @Test("PNG is lossless, with and without alpha")
    func pngLossless() throws {
        for alpha in [nil, UInt8(128)] as [UInt8?] {
            let original = try Raster.synthetic(width: 37, height: 23, alpha: alpha)
            let data = try original.encoded(as: .png())
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            let decoded = try Raster.decode(data)
            #expect(decoded.width == 37 && decoded.height == 23)
            #expect(decoded.bands == (alpha == nil ? 3 : 4))
            #expect(try decoded.pixelBytes() == original.pixelBytes())
        }
    }

    @Test("JPEG keeps size and colours closely, and drops alpha onto the matte")
    func jpegClose() throws {
        let original = try Raster.synthetic(width: 64, height: 48)
        let decoded = try Raster.decode(original.encoded(as: .jpeg(quality: 95)))
        #expect(decoded.width == 64 && decoded.height == 48 && decoded.bands == 3)
        let before = try original.statistics()
        let after = try decoded.statistics()
        #expect(abs(before.meanL - after.meanL) < 1)
        #expect(abs(before.meanChroma - after.meanChroma) < 2)

        let translucent = try Raster.synthetic(width: 8, height: 8, pattern: .solid(RGBAColor(red: 0, green: 0, blue: 0, alpha: 0)))
        let flattened = try Raster.decode(translucent.encoded(as: .jpeg(quality: 90, matte: .white)))
        #expect(flattened.bands == 3)
        #expect(close(try flattened.pixel(x: 4, y: 4), [255, 255, 255], tolerance: 2))
    }

    @Test("WebP lossless is exact; lossy is close; alpha survives")
    func webp() throws {
        let original = try Raster.synthetic(width: 50, height: 30, alpha: 200)
        let lossless = try Raster.decode(original.encoded(as: .webp(lossless: true)))
        #expect(lossless.bands == 4)
        #expect(try lossless.pixelBytes() == original.pixelBytes())

        let lossy = try Raster.decode(original.encoded(as: .webp(quality: 90)))
        #expect(lossy.width == 50 && lossy.height == 30 && lossy.hasAlpha)
        #expect(abs(try lossy.statistics().meanL - original.statistics().meanL) < 1.5)
    }

    @Test("Encoding is deterministic", arguments: [ImageEncoding.png(), .jpeg(quality: 80), .webp(quality: 80)])
    func deterministic(encoding: ImageEncoding) throws {
        let image = try Raster.synthetic(width: 40, height: 40)
        #expect(try image.encoded(as: encoding) == image.encoded(as: encoding))
    }

    @Test("Metadata is stripped by default")
    func stripsMetadata() throws {
        let tagged = try Raster.synthetic(width: 8, height: 8).withEXIFOrientation(6)
        let stripped = try tagged.encoded(as: .jpeg())
        #expect(stripped.range(of: Data("Exif".utf8)) == nil)
        let kept = try tagged.encoded(as: .jpeg(), stripMetadata: false)
        #expect(kept.range(of: Data("Exif".utf8)) != nil)
    }

    @Test("Out-of-range encoder settings are refused, not clamped")
    func badSettings() throws {
        let image = try Raster.synthetic(width: 4, height: 4)
        #expect(throws: ImagingError.self) { try image.encoded(as: .jpeg(quality: 0)) }
        #expect(throws: ImagingError.self) { try image.encoded(as: .webp(quality: 101)) }
        #expect(throws: ImagingError.self) { try image.encoded(as: .png(compression: 10)) }
    }
}
