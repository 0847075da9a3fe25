import EaselCore
import EaselEngines
import EaselImaging
import Foundation
import Testing

/// Ratios, square and salient crops and borders, measured on the output pixels.
@Suite("Framing: ratios, crops and borders")
struct FramingEffectTests {
    let engine = ClassicEngine()

    private func render(_ prompt: String, width: Int, height: Int, input: Data? = nil) async throws -> Raster {
        let request = try TestInputs.request(prompt, images: [try input ?? TestInputs.photoLikePNG()], width: width, height: height)
        let result = try await engine.edit(request) { _ in }
        #expect(result.images[0].width == width && result.images[0].height == height)
        return try Raster.decode(result.images[0].data)
    }

    /// A bright input, so that black bars stand out.
    private func bright() throws -> Data { try TestInputs.solidPNG(red: 230, green: 200, blue: 120) }

    @Test func aRatioTheSizeAlreadyHasIsANoOp() async throws {
        let image = try await render("make it 16:9", width: 160, height: 90, input: try bright())
        let plain = try Raster.decode(try bright()).resized(width: 160, height: 90)
        #expect(try image.pixelBytes() == plain.pixelBytes())
    }

    @Test func anotherRatioIsCroppedThenFittedWithBars() async throws {
        let image = try await render("make it 16:9", width: 128, height: 128, input: try bright())
        // 16:9 in 128 wide is 72 high: 28 rows of black above and below, picture between.
        #expect(try image.pixel(x: 64, y: 5) == [0, 0, 0])
        #expect(try image.pixel(x: 64, y: 122) == [0, 0, 0])
        #expect(try image.pixel(x: 64, y: 64).first ?? 0 > 200)
        #expect(try image.pixel(x: 64, y: 30).first ?? 0 > 200)
    }

    @Test func aSquareCropOfAWideFrameIsPillarboxed() async throws {
        let image = try await render("crop to a square", width: 192, height: 128, input: try bright())
        #expect(try image.pixel(x: 10, y: 64) == [0, 0, 0])
        #expect(try image.pixel(x: 181, y: 64) == [0, 0, 0])
        #expect(try image.pixel(x: 96, y: 64).first ?? 0 > 200)
    }

    /// Borders keep their exact colour under a grade, a vignette and grain: they are added last.
    @Test(arguments: [("add a white border", [UInt8](repeating: 255, count: 3)), ("add a black border", [0, 0, 0])])
    func bordersAreNotGraded(prompt: String, colour: [UInt8]) async throws {
        let image = try await render(prompt + ", much warmer, strong vignette, film grain", width: 200, height: 100)
        for (x, y) in [(0, 0), (199, 99), (100, 1), (2, 50), (197, 50)] {
            #expect(try image.pixel(x: x, y: y) == colour, "\(prompt) at \(x),\(y)")
        }
        #expect(try image.pixel(x: 100, y: 50) != colour)
    }

    @Test func letterboxBarsTakeTheNamedColourUngraded() async throws {
        let image = try await render("keep the whole image with white bars, sepia", width: 200, height: 100, input: try bright())
        #expect(try image.pixel(x: 2, y: 50) == [255, 255, 255])
        let plain = try await render("keep the whole image, sepia", width: 200, height: 100, input: try bright())
        #expect(try plain.pixel(x: 2, y: 50) == [0, 0, 0])
    }

    @Test func blurredBordersAreFilledWithThePicture() async throws {
        let image = try await render("letterbox, blurred background fill", width: 200, height: 100, input: try bright())
        let bar = try image.pixel(x: 3, y: 50)
        #expect(bar != [0, 0, 0] && (bar.first ?? 0) > 150, "\(bar)")
    }

    @Test func aSalientCropSaysWhatItCentresOn() async throws {
        #expect(engine.interpret("crop to the subject").plan.description == "crop to the salient area")
        // A detailed patch on a plain field: the crop keeps it.
        var bytes = [UInt8](repeating: 90, count: 200 * 100 * 3)
        for y in 30..<70 {
            for x in 140..<190 where (x / 3 + y / 3) % 2 == 0 {
                let i = (y * 200 + x) * 3
                (bytes[i], bytes[i + 1], bytes[i + 2]) = (250, 40, 40)
            }
        }
        let input = try Raster(pixels: bytes, width: 200, height: 100, bands: 3).encoded(as: .png())
        let image = try await render("crop to the subject", width: 100, height: 100, input: input)
        let stats = try image.statistics()
        let whole = try Raster.decode(input).resized(width: 100, height: 100).statistics()
        #expect(stats.meanChroma > whole.meanChroma * 1.3, "\(stats.meanChroma) vs \(whole.meanChroma)")
    }
}
