import EaselAPI
import EaselCore
import EaselEngines
import EaselImaging
import Foundation
import Testing

@Suite("negative_prompt, num_images, prompt_extend, seed, references")
struct RequestOptionTests {
    let engine = ClassicEngine()

    private func plan(_ prompt: String, negative: String?, images: Int = 1) throws -> String {
        let png = try TestInputs.gradientPNG(width: 8, height: 8)
        var request = try TestInputs.request(prompt, images: Array(repeating: png, count: images))
        request.negativePrompt = negative
        return engine.plan(for: request).plan.description
    }

    @Test("The negative prompt forbids or caps what it names")
    func negative() throws {
        #expect(try plan("extremely vivid, add grain, soft focus", negative: "oversaturated, grain, blurry")
            == "saturation +0.5")
        #expect(try plan("darker and warmer", negative: "dark") == "temperature +1")
        #expect(try plan("brighter", negative: "dark") == "brightness +1", "forbids only the direction named")
        #expect(try plan("sepia", negative: "low quality, watermark") == "sepia")
    }

    @Test("References beyond the images given are reported, not applied")
    func missingReference() throws {
        let png = try TestInputs.gradientPNG(width: 8, height: 8)
        let request = try TestInputs.request("use the colours of the second image, warmer", images: [png])
        let interpretation = engine.plan(for: request)
        #expect(interpretation.plan.description == "temperature +1")
        #expect(interpretation.notApplied == ["colour transfer from image 2: needs image 2, only 1 given"])
    }

    @Test("num_images gives distinct graded variants; prompt_extend returns the plan")
    func variants() async throws {
        var request = try TestInputs.request("warmer, add grain", numImages: 4)
        request.promptExtend = true
        let result = try await engine.edit(request) { _ in }
        #expect(Set(result.images.map(\.data)).count == 4)
        let warmth = try result.images.map { try Raster.decode($0.data).statistics().meanB }
        #expect(warmth[1] < warmth[0] && warmth[0] < warmth[2] && warmth[2] < warmth[3])
        #expect(result.actualPrompt == "temperature +1; grain")
    }

    @Test("The negative prompt's caps hold for every variant, not just the first")
    func negativeCapsEveryVariant() async throws {
        var request = try TestInputs.request("much more saturated", numImages: 4)
        request.negativePrompt = "oversaturated"
        let capped = try await engine.edit(request) { _ in }
        let chroma = try capped.images.map { try Raster.decode($0.data).statistics().meanChroma }
        // Variants 3 and 4 scale strength by 1.5 and 2; capped, they may not exceed variant 1.
        #expect(chroma[2] <= chroma[0] + 0.01 && chroma[3] <= chroma[0] + 0.01, "\(chroma)")
        request.negativePrompt = nil
        let free = try await engine.edit(request) { _ in }
        let freeChroma = try free.images.map { try Raster.decode($0.data).statistics().meanChroma }
        #expect(freeChroma[3] > chroma[3] + 1, "without the cap variant 4 is more saturated: \(freeChroma)")
    }

    @Test("The seed makes grain repeatable and changes it")
    func seed() async throws {
        var request = try TestInputs.request("heavy film grain")
        request.seed = 7
        let first = try await engine.edit(request) { _ in }.images[0].data
        let again = try await ClassicEngine().edit(request) { _ in }.images[0].data
        request.seed = 8
        let other = try await engine.edit(request) { _ in }.images[0].data
        #expect(first == again)
        #expect(first != other)
    }

    @Test("Colour transfer moves the subject's Lab statistics toward the reference's")
    func colourTransfer() async throws {
        let subject = try TestInputs.gradientPNG()
        let reference = try TestInputs.solidPNG(red: 230, green: 120, blue: 40)
        let request = try TestInputs.request("use the colours of the second image", images: [subject, reference])
        let after = try Raster.decode(try await engine.edit(request) { _ in }.images[0].data).statistics()
        let before = try Raster.decode(subject).statistics()
        let target = try Raster.decode(reference).statistics()
        #expect(abs(after.meanB - target.meanB) < abs(before.meanB - target.meanB) * 0.5)
        #expect(abs(after.meanA - target.meanA) < abs(before.meanA - target.meanA) * 0.5)
        #expect(after.stdDevL < before.stdDevL)
    }

    @Test("Layouts and blends use the other images")
    func layouts() async throws {
        let red = try TestInputs.solidPNG(red: 255, green: 0, blue: 0)
        let blue = try TestInputs.solidPNG(red: 0, green: 0, blue: 255)
        let side = try TestInputs.request("side by side", images: [red, blue], width: 100, height: 50)
        let image = try Raster.decode(try await engine.edit(side) { _ in }.images[0].data)
        #expect(try image.pixel(x: 10, y: 25)[0] > 200 && image.pixel(x: 90, y: 25)[2] > 200)
        let blend = try TestInputs.request("double exposure with the second image", images: [red, blue], width: 50, height: 50)
        let mixed = try Raster.decode(try await engine.edit(blend) { _ in }.images[0].data).pixel(x: 25, y: 25)
        #expect(mixed[0] > 150 && mixed[2] > 60)
    }

    @Test("Random prompts on random images never crash, keep the size, and repeat exactly")
    func properties() async throws {
        // A fixed pool (the tables as they were when the seed's refusals were counted), so
        // that new table entries do not reshuffle the prompts.
        let pool = PromptTable.light + PromptTable.colour + PromptTable.style + PromptTable.framing + PromptTable.mixed
        let words = pool.map(\.0).flatMap { $0.split(separator: " ") }.map(String.init)
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var refused: [String] = []
        for _ in 0..<12 {
            let prompt = (0..<(1 + next(8))).map { _ in words[next(words.count)] }.joined(separator: " ")
            let (w, h) = (16 + next(200), 16 + next(200))
            let input = try Raster.synthetic(width: 8 + next(300), height: 8 + next(300),
                                             pattern: next(2) == 0 ? .gradient : .quadrants).encoded(as: .png())
            let request = try TestInputs.request(prompt, images: [input, input], width: w, height: h)
            do {
                let first = try await engine.edit(request) { _ in }
                let second = try await engine.edit(request) { _ in }
                #expect(first.images.map(\.data) == second.images.map(\.data), "\(prompt)")
                let decoded = try Raster.decode(first.images[0].data)
                #expect(decoded.width == w && decoded.height == h, "\(prompt)")
            } catch let error as EngineError {
                #expect(error.jobErrorCode.rawValue == "unsupported_prompt", "\(prompt): \(error)")
                refused.append(prompt)
            }
        }
        // Refusals skip the checks above, so they must stay few: with this seed 2 of the 12
        // are refused ("less", "make art not pop convert"); a quarter is the most allowed.
        #expect(refused.count <= 3, "\(refused.count) of 12 refused: \(refused)")
    }
}
