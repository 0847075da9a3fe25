import EaselAPI
import EaselCore
import EaselEngines
import EaselImaging
import Foundation
import Synchronization
import Testing

@Suite("Classic engine")
struct ClassicEngineTests {
    let engine = ClassicEngine()

    @Test("Descriptor")
    func descriptor() {
        #expect(engine.descriptor.id == "classic")
        #expect(engine.descriptor.maxInputImages == 4)
    }

    @Test("Output has the requested size, format and count", arguments: OutputFormat.allCases)
    func output(format: OutputFormat) async throws {
        let request = try TestInputs.request("warmer", width: 383, height: 1_537, numImages: 3, format: format)
        let result = try await engine.edit(request) { _ in }
        #expect(result.images.count == 3)
        for image in result.images {
            #expect(image.width == 383 && image.height == 1_537)
            #expect(image.contentType == format.contentType)
            let decoded = try Raster.decode(image.data)
            #expect(decoded.width == 383 && decoded.height == 1_537)
        }
    }

    @Test("Same request, same bytes", arguments: OutputFormat.allCases)
    func deterministic(format: OutputFormat) async throws {
        let request = try TestInputs.request("slightly warmer, more contrast", format: format)
        let first = try await engine.edit(request) { _ in }
        let second = try await ClassicEngine().edit(request) { _ in }
        #expect(first.images.map(\.data) == second.images.map(\.data))
    }

    @Test("A prompt with nothing classic fails with what the engine can do")
    func unsupported() async throws {
        let request = try TestInputs.request("remove the dog and add a hat")
        let error = await #expect(throws: EngineError.self) { try await engine.edit(request) { _ in } }
        #expect(error?.jobErrorCode.rawValue == "unsupported_prompt")
        #expect(error?.message.contains("diffusion engine") == true)
        #expect(error?.message.contains("black and white") == true)
        #expect(error?.message.contains("remove the dog") == true)
    }

    @Test("Undecodable input names its field")
    func undecodable() async throws {
        let request = try TestInputs.request("brighter", images: [Data("not an image".utf8)])
        let error = await #expect(throws: EngineError.self) { try await engine.edit(request) { _ in } }
        #expect(error?.jobErrorCode.rawValue == "input_undecodable")
        #expect(error?.message.hasPrefix("image_urls[0]:") == true)
    }

    @Test("Oversized input is refused as too large, naming its field")
    func tooLarge() async throws {
        let small = ClassicEngine(limits: ImagingLimits(maxPixels: 10_000, maxDimension: 4_000))
        let request = try TestInputs.request("brighter")
        let error = await #expect(throws: EngineError.self) { try await small.edit(request) { _ in } }
        #expect(error?.jobErrorCode.rawValue == "input_too_large")
        #expect(error?.message.hasPrefix("image_urls[0]:") == true)
    }

    @Test("Extra images are accepted and reported; a fifth is refused")
    func extraImages() async throws {
        let png = try TestInputs.gradientPNG(width: 40, height: 30)
        let result = try await engine.edit(TestInputs.request("brighter", images: [png, png, Data()])) { _ in }
        #expect(result.notApplied == [
            "image_urls[1]: not used by this plan",
            "image_urls[2]: not used by this plan",
        ])
        let five = try TestInputs.request("brighter", images: Array(repeating: png, count: 5))
        let error = await #expect(throws: EngineError.self) { try await engine.edit(five) { _ in } }
        #expect(error?.jobErrorCode.rawValue == "too_many_inputs")
    }

    @Test("Progress only rises and ends at 1")
    func progress() async throws {
        let seen = Mutex<[Double]>([])
        _ = try await engine.edit(TestInputs.request("cooler")) { update in
            seen.withLock { $0.append(update.fraction) }
        }
        let fractions = seen.withLock { $0 }
        #expect(fractions == fractions.sorted())
        #expect(fractions.last == 1)
    }

    @Test("A cancelled task stops with CancellationError")
    func cancellation() async throws {
        let request = try TestInputs.request("brighter")
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await engine.edit(request) { _ in }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test("Transparent inputs keep alpha in PNG and WebP")
    func alpha() async throws {
        let png = try Raster.synthetic(width: 64, height: 64, alpha: 100).encoded(as: .png())
        let result = try await engine.edit(TestInputs.request("warmer", images: [png], format: .webp)) { _ in }
        #expect(try Raster.decode(result.images[0].data).hasAlpha)
    }
}
