import EaselCore
import EaselEngines
import EaselImaging
import Testing

/// An edit aimed at one part of the picture is never applied to the whole frame: it is
/// reported with what it needs, and the rest of the prompt still runs.
@Suite("Regions are reported, not applied to the whole frame")
struct RegionPromptTests {
    let interpreter = PromptInterpreter()
    let engine = ClassicEngine()

    @Test(arguments: [
        ("soften the skin", "a mask of the skin"),
        ("blur the background", "a depth map"),
        ("brighten the background", "a mask of the background"),
        ("shallow depth of field", "a depth map"),
        ("add bokeh", "a depth map"),
        ("brighten her face", "a mask of the face"),
        ("make the eyes pop", "a mask of the eyes"),
        ("make the sky bluer", "a mask of the sky"),
        ("make the cat brighter", "a mask of the cat"),
        ("sharpen the subject", "a mask of the subject"),
        ("darken the foreground", "a mask of the foreground"),
        ("make him warmer", "a mask of the person"),
    ])
    func regionAlone(prompt: String, need: String) {
        let interpretation = interpreter.interpret(prompt)
        #expect(interpretation.plan.isEmpty, "\(prompt): \(interpretation.plan)")
        #expect(interpretation.notApplied.count == 1)
        let entry = interpretation.notApplied.first ?? ""
        #expect(entry.hasPrefix(prompt.lowercased() + ": needs "), "\(entry)")
        #expect(entry.contains(need), "\(entry)")
        #expect(entry.contains("diffusion engine"), "\(entry)")
    }

    @Test func theRestOfThePromptStillRuns() {
        let interpretation = interpreter.interpret("Make it warmer and blur the background, more contrast")
        #expect(interpretation.plan.description == "contrast +1; temperature +1")
        #expect(interpretation.notApplied.map { $0.prefix(while: { $0 != ":" }) } == ["blur the background"])
    }

    /// Every clause region-bound: refused, with the clauses on the error, never an edited image.
    @Test func onlyRegionsFailWithTheClauses() async throws {
        let request = try TestInputs.request("soften the skin and brighten her face")
        let error = await #expect(throws: EngineError.self) { try await engine.edit(request) { _ in } }
        #expect(error?.jobErrorCode == .unsupportedPrompt)
        #expect(error?.notApplied.count == 2)
        #expect(error?.message.contains("\"soften the skin: needs a mask of the skin") == true)
        #expect(error?.message.contains("brighten her face: needs a mask of the face") == true)
    }

    /// "soften the skin" next to a global edit: the output is warmer but not blurred.
    @Test func aRegionBlurLeavesTheFrameSharp() async throws {
        let request = try TestInputs.request("make it warmer and soften the skin", images: [try TestInputs.photoLikePNG()])
        let result = try await engine.edit(request) { _ in }
        let after = try Raster.decode(result.images[0].data)
        let before = try Raster.decode(request.images[0].data).resized(width: request.width, height: request.height)
        #expect(try after.detailEnergy() > before.detailEnergy() * 0.9)
        #expect(try after.statistics().meanB > before.statistics().meanB + 3)
    }
}
