import EaselEngines
import EaselImaging
import Testing

/// Light moves as a retoucher makes them, read on a grey ramp: exposure multiplies linear
/// light, so brightening never lifts black (a fogged photo) and a stronger word moves more;
/// shadow and highlight moves keep black black and white white.
@Suite("Light keeps black black and white white")
struct LightEffectTests {
    let engine = ClassicEngine()

    /// The ramp's grey level in each of its 256 columns after `prompt` (the middle row).
    private func ramp(_ prompt: String) async throws -> [Int] {
        let request = try TestInputs.request(prompt, images: [try TestInputs.greyRampPNG()], width: 256, height: 64)
        let result = try await engine.edit(request) { _ in }
        #expect(result.notApplied.isEmpty, "\(prompt): \(result.notApplied)")
        let image = try Raster.decode(result.images[0].data)
        return try (0..<256).map { x in Int(try image.pixel(x: x, y: 32)[0]) }
    }

    private func expectOrderKept(_ out: [Int], _ prompt: String) {
        let drops = zip(out, out.dropFirst()).filter { $0 > $1 + 1 }
        #expect(drops.isEmpty, "\(prompt): the ramp keeps its order: \(drops.prefix(4))")
    }

    @Test(arguments: ["brighter", "lift the shadows", "much brighter", "brighten the shadows a lot", "too dark, brighten it"])
    func brighteningKeepsBlackAndWhite(prompt: String) async throws {
        let out = try await ramp(prompt)
        #expect(out[0] <= 2, "\(prompt): black stays black (got \(out[0]))")
        #expect(out[255] >= 253, "\(prompt): white stays white (got \(out[255]))")
        #expect(out[40] >= 40 + 6, "\(prompt): the dark tones are lifted (40 → \(out[40]))")
        expectOrderKept(out, prompt)
    }

    @Test func strongerWordsMoveMore() async throws {
        let slight = try await ramp("slightly brighter")[100]
        let plain = try await ramp("brighter")[100]
        let much = try await ramp("much brighter")[100]
        #expect(slight < plain - 3 && plain < much - 3, "slightly \(slight), plain \(plain), much \(much)")
        let lift = try await ramp("lift the shadows")[30]
        let bigLift = try await ramp("lift the shadows a lot")[30]
        #expect(lift < bigLift - 3, "lift \(lift), a lot \(bigLift)")
    }

    @Test(arguments: ["darker", "much darker"])
    func darkeningKeepsBlack(prompt: String) async throws {
        let out = try await ramp(prompt)
        #expect(out[0] <= 2, "\(prompt): black stays black (got \(out[0]))")
        #expect(out[128] <= 128 - 8, "\(prompt): mid-grey is darker (got \(out[128]))")
        expectOrderKept(out, prompt)
    }

    @Test func deeperShadowsKeepBlackAndWhite() async throws {
        let out = try await ramp("deepen the shadows")
        #expect(out[0] <= 2 && out[255] >= 253, "black \(out[0]), white \(out[255])")
        #expect(out[50] <= 50 - 4, "the dark tones go deeper (50 → \(out[50]))")
        #expect(out[200] >= 200 - 3, "the light tones stay (200 → \(out[200]))")
        expectOrderKept(out, "deepen the shadows")
    }

    @Test func recoveredHighlightsKeepWhiteAndBlack() async throws {
        let out = try await ramp("recover the highlights")
        #expect(out[0] <= 2 && out[255] >= 253, "black \(out[0]), white \(out[255])")
        #expect(out[225] <= 225 - 4, "the light tones come down (225 → \(out[225]))")
        #expect(out[40] <= 40 + 3, "the dark tones stay (40 → \(out[40]))")
        expectOrderKept(out, "recover the highlights")
    }
}
