import EaselCore
import EaselEngines
import EaselImaging
import Foundation
import Testing

/// Every operation measured on pixels: the engine's result against the same input only fitted.
@Suite("Operation effects, measured on pixels")
struct OperationEffectTests {
    let engine = ClassicEngine()

    private func run(_ prompt: String, images: [Data]? = nil, negative: String? = nil) async throws -> (before: Raster, after: Raster) {
        var request = try TestInputs.request(prompt, images: images)
        request.negativePrompt = negative
        let result = try await engine.edit(request) { _ in }
        let after = try Raster.decode(result.images[0].data)
        let before = try Raster.decode(request.images[0].data).resized(width: request.width, height: request.height)
        return (before, after)
    }

    private func stats(_ prompt: String, images: [Data]? = nil) async throws -> (ImageStatistics, ImageStatistics) {
        let (before, after) = try await run(prompt, images: images)
        return (try before.statistics(), try after.statistics())
    }

    @Test("Tone: highlights, shadows, gamma, fade, auto levels, clarity, dehaze, vignette")
    func tone() async throws {
        let (b1, a1) = try await stats("recover the highlights")
        #expect(a1.meanL < b1.meanL - 1)
        let (b2, a2) = try await stats("lift the shadows")
        #expect(a2.meanL > b2.meanL + 1)
        let (b3, a3) = try await stats("gamma 1.5")
        #expect(a3.meanL > b3.meanL + 3)
        let (b4, a4) = try await stats("faded")
        #expect(a4.stdDevL < b4.stdDevL * 0.95)
        let flat = try TestInputs.flatPNG()
        let (b5, a5) = try await stats("auto levels", images: [flat])
        #expect(a5.stdDevL > b5.stdDevL * 1.5)
        let (before6, after6) = try await run("add clarity")
        #expect(try after6.detailEnergy() > before6.detailEnergy() * 1.05)
        let (b7, a7) = try await stats("dehaze", images: [flat])
        #expect(a7.stdDevL > b7.stdDevL * 1.2)
        let (before8, after8) = try await run("strong vignette")
        let corner = try after8.cornerLightness(), centre = try after8.centreLightness()
        #expect(corner < (try before8.cornerLightness()) - 5)
        #expect(abs(centre - (try before8.centreLightness())) < 3)
    }

    /// Hue, duotone and split tone: see `ToningEffectTests`.
    @Test("Colour: vibrance, tint, auto white balance, sepia")
    func colour() async throws {
        let (b1, a1) = try await stats("more vibrance")
        #expect(a1.meanChroma > b1.meanChroma * 1.1)
        let (b2, a2) = try await stats("magenta tint")
        #expect(a2.meanA > b2.meanA + 3)
        // A grey under a warm light (a warm scene is kept: see `WhiteBalanceEffectTests`).
        let cast = try TestInputs.solidPNG(red: 170, green: 150, blue: 125)
        let (b4, a4) = try await stats("auto white balance", images: [cast])
        #expect(abs(a4.meanB) < abs(b4.meanB) * 0.3)
        let (_, a5) = try await stats("sepia")
        #expect(a5.meanB > 8 && a5.meanChroma < 25)
    }

    @Test("Restyling: posterize, pixelate, halftone, sketch, cartoon, oil painting")
    func restyle() async throws {
        let (_, poster) = try await run("posterize")
        #expect(try poster.distinctGreyLevels() <= 24)
        let (before2, pixel) = try await run("pixelate")
        #expect(try pixel.detailEnergy() < before2.detailEnergy() + 0.5 && pixel.horizontalRepeats() > 0.5)
        let (_, halftone) = try await run("halftone")
        #expect(try halftone.extremeFraction() > 0.6)
        let (b4, a4) = try await stats("pencil sketch")
        #expect(a4.meanChroma < 1 && a4.meanL > b4.meanL)
        let (before5, cartoon) = try await run("cartoon")
        #expect(try cartoon.distinctGreyLevels() < before5.distinctGreyLevels())
        let (before6, oil) = try await run("oil painting", images: [try TestInputs.noisyPNG()])
        #expect(try oil.detailEnergy() < before6.detailEnergy() * 0.8)
    }

    @Test("Detail: sharpen, blur, denoise, grain")
    func detail() async throws {
        let photo = try TestInputs.photoLikePNG()
        let (b1, sharp) = try await run("sharpen", images: [photo])
        #expect(try sharp.detailEnergy() > b1.detailEnergy() * 1.1)
        let (b2, blurred) = try await run("blur", images: [photo])
        #expect(try blurred.detailEnergy() < b2.detailEnergy() * 0.8)
        let noisy = try TestInputs.noisyPNG()
        let (b3, clean) = try await run("denoise", images: [noisy])
        #expect(try clean.detailEnergy() < b3.detailEnergy() * 0.8)
        let (b4, grainy) = try await run("add film grain")
        #expect(try grainy.detailEnergy() > b4.detailEnergy() + 2)
    }

    @Test("Framing: rotate, flip, zoom, pad")
    func framing() async throws {
        let quadrants = try Raster.synthetic(width: 200, height: 200, pattern: .quadrants).encoded(as: .png())
        func topLeft(_ prompt: String) async throws -> [UInt8] {
            let request = try TestInputs.request(prompt, images: [quadrants], width: 100, height: 100)
            let image = try Raster.decode(try await engine.edit(request) { _ in }.images[0].data)
            return try image.pixel(x: 10, y: 10)
        }
        let rotated = try await topLeft("rotate 90 degrees")
        #expect(rotated[2] > 200 && rotated[0] < 60, "blue (bottom-left) moves to the top-left")
        let flipped = try await topLeft("flip horizontally")
        #expect(flipped[1] > 200 && flipped[0] < 60, "green (top-right) moves to the top-left")
        let flippedV = try await topLeft("flip vertically")
        #expect(flippedV[2] > 200)
        let wide = try Raster.synthetic(width: 400, height: 100, pattern: .quadrants).encoded(as: .png())
        let request = try TestInputs.request("keep the whole image", images: [wide], width: 100, height: 100)
        let padded = try Raster.decode(try await engine.edit(request) { _ in }.images[0].data)
        #expect(try padded.pixel(x: 50, y: 2).prefix(3).allSatisfy { $0 < 10 }, "padding is black")
        let (before, zoomed) = try await run("zoom in 2x")
        #expect(try zoomed.statistics().stdDevL < before.statistics().stdDevL * 0.8, "a closer crop spans less of the gradient")
    }
}
