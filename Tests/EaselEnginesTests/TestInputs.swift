import EaselAPI
import EaselCore
import EaselImaging
import Foundation

/// Inputs made in memory for engine tests.
enum TestInputs {
    /// A colourful gradient, encoded as PNG.
    static func gradientPNG(width: Int = 320, height: Int = 240) throws -> Data {
        try Raster.synthetic(width: width, height: height).encoded(as: .png())
    }

    static func solidPNG(red: UInt8, green: UInt8, blue: UInt8) throws -> Data {
        try Raster.synthetic(width: 64, height: 64, pattern: .solid(RGBAColor(red: red, green: green, blue: blue)))
            .encoded(as: .png())
    }

    /// Low-contrast, hazy content: grey values 100…140 with a little colour.
    static func flatPNG() throws -> Data {
        try pixels(width: 160, height: 120) { x, y in
            let v = UInt8(100 + (x * 40) / 160)
            return [v, v &+ UInt8(y % 8), v]
        }
    }

    /// Edges and texture at several scales, like a photo's detail.
    static func photoLikePNG() throws -> Data {
        try pixels(width: 160, height: 120) { x, y in
            let stripes = (x / 6 + y / 9) % 2 == 0 ? 60 : 170
            let ring = ((x - 80) * (x - 80) + (y - 60) * (y - 60)) / 200 % 2 == 0 ? 30 : 0
            return [UInt8(stripes + ring), UInt8(stripes / 2 + 40), UInt8(200 - stripes / 2)]
        }
    }

    /// Mid-grey with deterministic speckle noise.
    static func noisyPNG() throws -> Data {
        var state: UInt32 = 12_345
        return try pixels(width: 160, height: 120) { _, _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            let n = Int(state >> 24) % 80 - 40
            let v = UInt8(128 + n)
            return [v, v, v]
        }
    }

    /// A grey ramp from black (x = 0) to white (x = 255), 64 rows high.
    static func greyRampPNG() throws -> Data {
        try pixels(width: 256, height: 64) { x, _ in [UInt8(x), UInt8(x), UInt8(x)] }
    }

    private static func pixels(width: Int, height: Int, _ colour: (Int, Int) -> [UInt8]) throws -> Data {
        var bytes: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width { bytes += colour(x, y) }
        }
        return try Raster(pixels: bytes, width: width, height: height, bands: 3).encoded(as: .png())
    }

    static func request(
        _ prompt: String, images: [Data]? = nil, width: Int = 192, height: Int = 128,
        numImages: Int = 1, format: OutputFormat = .png
    ) throws -> EditRequest {
        let data = try images ?? [gradientPNG()]
        return EditRequest(
            jobID: "test", prompt: prompt,
            images: data.enumerated().map { InputImage(data: $0.element, field: "image_urls[\($0.offset)]") },
            width: width, height: height, numImages: numImages, outputFormat: format)
    }
}
