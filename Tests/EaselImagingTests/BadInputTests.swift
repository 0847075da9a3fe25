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
