import EaselImaging
import Foundation
import Testing

@Suite("Bad input gives typed errors, never a crash")
struct BadInputTests {
    @Test("Zero bytes")
    func empty() {
        let error = #expect(throws: ImagingError.self) { try Raster.decode(Data()) }
        #expect(error?.code == .emptyInput)
    }

    @Test("Garbage bytes and text are not images", arguments: [
        Data("hello, this is not an image".utf8),
        Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }),
        Data([0x00]),
        Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>".utf8),
        Data("%PDF-1.4\n%âãÏÓ\n".utf8),
    ])
    func garbage(data: Data) {
        let error = #expect(throws: ImagingError.self) { try Raster.decode(data) }
        #expect(error?.code == .unsupportedFormat)
    }

    @Test("Truncated files fail", arguments: [ImageEncoding.png(), .jpeg(), .webp()])
    func truncated(encoding: ImageEncoding) throws {
        let data = try Raster.synthetic(width: 120, height: 90).encoded(as: encoding)
        for fraction in [0.02, 0.3, 0.6, 0.9] {
            let cut = data.prefix(Int(Double(data.count) * fraction))
            #expect(throws: ImagingError.self, "\(encoding) cut to \(cut.count) of \(data.count) bytes") {
                try Raster.decode(Data(cut))
            }
        }
    }

    @Test("Every cut of a JPEG or PNG fails, every time", arguments: [ImageEncoding.png(), .jpeg()])
    func everyTruncation(encoding: ImageEncoding) throws {
        // libvips 8.14 decoded about one in ten JPEGs cut in their scan data when it ran on
        // two threads, and PNGs cut inside IEND always: each cut here is tried three times.
        let data = try Raster.synthetic(width: 120, height: 90).encoded(as: encoding)
        let cuts = Array(stride(from: 1, to: data.count - 64, by: 97)) + Array((data.count - 64)..<data.count)
        for cut in cuts {
            for _ in 0..<3 {
                #expect(throws: ImagingError.self, "\(encoding) cut to \(cut) of \(data.count) bytes") {
                    try Raster.decode(Data(data.prefix(cut)))
                }
            }
        }
        #expect(try Raster.decode(data).width == 120)
    }

    /// A frame header that claims more pixels than the scan data holds: libjpeg only warns
    /// and pads the rest with grey. The decode (and so the job, and its charge) must fail.
    @Test("A JPEG whose header claims more pixels than its data holds fails")
    func jpegFrameLargerThanItsData() throws {
        var data = try Raster.synthetic(width: 512, height: 384).encoded(as: .jpeg())
        #expect(try Raster.decode(data).width == 512, "the untouched file decodes")
        let frame = try #require(Self.startOfFrame(in: data))
        // SOF: marker, length (2), precision (1), height (2), width (2).
        data[frame + 5] = 0x0B; data[frame + 6] = 0xB8 // 3000
        data[frame + 7] = 0x0B; data[frame + 8] = 0xB8 // 3000
        #expect(try Raster.readHeader(data).width == 3000, "the header alone looks fine")
        let error = #expect(throws: ImagingError.self) { try Raster.decode(data) }
        #expect(error?.code == .corrupt)
        #expect(throws: ImagingError.self) { try Raster.validate(data) }
    }

    /// The offset of the first SOF0/SOF1/SOF2 marker.
    static func startOfFrame(in data: Data) -> Int? {
        let bytes = [UInt8](data)
        return bytes.indices.dropLast(9).first { bytes[$0] == 0xFF && (0xC0...0xC2).contains(bytes[$0 + 1]) }
    }

    @Test("An upload is validated whole: header, every pixel, nothing after a PNG's end")
    func uploadValidation() throws {
        let png = try Raster.synthetic(width: 300, height: 200).encoded(as: .png())
        #expect(try Raster.validate(png) == Raster.readHeader(png))
        let html = Data("<html><script>alert(1)</script></html>".utf8)
        let smuggled = #expect(throws: ImagingError.self) { try Raster.validate(png + html) }
        #expect(smuggled?.message == "PNG data has \(html.count) bytes after its IEND chunk")
        #expect(throws: ImagingError.self) { try Raster.validate(png.prefix(png.count / 2)) }
        let jpeg = try Raster.synthetic(width: 300, height: 200).encoded(as: .jpeg())
        #expect(throws: ImagingError.self) { try Raster.validate(jpeg.prefix(jpeg.count - 100)) }
    }

    /// The container rules hold on every way in, not only for uploads: a decode (a `data:`
    /// URL, a fetched image) refuses what `validate` refuses, in the same words.
    @Test func containerRulesHoldForEveryDecode() throws {
        let png = try Raster.synthetic(width: 300, height: 200).encoded(as: .png())
        let riding = png + Data("<svg onload=alert(1)>".utf8)
        let decoded = #expect(throws: ImagingError.self) { try Raster.decode(riding) }
        #expect(decoded?.message == "PNG data has 21 bytes after its IEND chunk")
        #expect(throws: ImagingError.self) { try Raster.readHeader(riding) }

        let gif = Self.gif(screen: (1, 1))
        #expect(try Raster.decode(gif).width == 1, "a whole GIF decodes")
        let canvas = Self.gif(screen: (2000, 2000))
        for attempt in [{ try Raster.decode(canvas) }, { try Raster.validate(canvas) }] as [() throws -> Any] {
            let error = #expect(throws: ImagingError.self) { _ = try attempt() }
            #expect(error?.message == "GIF logical screen 2000×2000 is more than 4 times the area of its first frame (1×1)")
        }
        #expect(try Raster.decode(Self.gif(screen: (2, 2))).width == 2, "a screen four times the frame is allowed")
        // A small screen whose frame sits far out grows the canvas just the same.
        let placed = #expect(throws: ImagingError.self) { try Raster.decode(Self.gif(screen: (1, 1), frameAt: (1999, 1999))) }
        #expect(placed?.message == "GIF logical screen 2000×2000 is more than 4 times the area of its first frame (1×1)")
    }

    /// A 1 × 1 GIF89a (a global table of two colours, one frame) on a logical screen of `screen`.
    static func gif(screen: (Int, Int), frameAt: (Int, Int) = (0, 0)) -> Data {
        var bytes: [UInt8] = Array("GIF89a".utf8)
        bytes += [UInt8(screen.0 & 0xFF), UInt8(screen.0 >> 8), UInt8(screen.1 & 0xFF), UInt8(screen.1 >> 8), 0x80, 0, 0]
        bytes += [0xFF, 0xFF, 0xFF, 0, 0, 0]  // the colour table
        bytes += [0x21, 0xF9, 0x04, 0x01, 0, 0, 0, 0]  // graphic control extension
        bytes += [0x2C, UInt8(frameAt.0 & 0xFF), UInt8(frameAt.0 >> 8), UInt8(frameAt.1 & 0xFF), UInt8(frameAt.1 >> 8), 1, 0, 1, 0, 0]  // the frame, 1 × 1
        bytes += [0x02, 0x02, 0x44, 0x01, 0x00, 0x3B]  // LZW data, then the trailer
        return Data(bytes)
    }

    @Test("A valid signature over garbage fails as corrupt or unsupported")
    func signatureOverGarbage() {
        let fakes = [
            Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 0x41, count: 500),
            Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 0x42, count: 500),
            Data("RIFF\u{10}\0\0\0WEBPVP8 ".utf8) + Data(repeating: 0x43, count: 500),
        ]
        for fake in fakes {
            let error = #expect(throws: ImagingError.self) { try Raster.decode(fake) }
            #expect(error?.code == .corrupt || error?.code == .unsupportedFormat)
        }
    }

    @Test("Bad pixel buffers and sizes are refused")
    func badArguments() throws {
        #expect(throws: ImagingError.self) { try Raster(pixels: [1, 2, 3], width: 2, height: 2, bands: 3) }
        #expect(throws: ImagingError.self) { try Raster(pixels: [], width: 0, height: 0, bands: 3) }
        #expect(throws: ImagingError.self) { try Raster(pixels: [1], width: 1, height: 1, bands: 5) }
        #expect(throws: ImagingError.self) { try Raster.synthetic(width: -1, height: 4) }
        let image = try Raster.synthetic(width: 4, height: 4)
        #expect(throws: ImagingError.self) { try image.resized(width: 0, height: 10) }
        #expect(throws: ImagingError.self) { try image.withEXIFOrientation(9) }
    }
}
