import EaselCore
import EaselEngines
import EaselImaging
import Foundation
import Testing

@testable import EaselEngines

/// Plans that read their one input once, in order, stream it from the decoder to the encoder
/// (`ClassicEngine+Streaming.swift`). The path must be invisible to clients: the same bytes
/// as the whole-decode path, the same errors for damaged inputs, upright EXIF-rotated photos.
@Suite struct StreamedInputTests {
    static let streamed = ClassicEngine()
    static let whole = ClassicEngine(streamsInput: false)

    static func photoJPEG(width: Int, height: Int, orientation: Int = 1) throws -> Data {
        try Raster.synthetic(width: width, height: height).withEXIFOrientation(orientation)
            .encoded(as: .jpeg(quality: 90), stripMetadata: false)
    }

    static func images(_ engine: ClassicEngine, _ request: EditRequest) async throws -> [Data] {
        try await engine.edit(request, progress: { _ in }).images.map(\.data)
    }

    @Test(arguments: [
        "brighter, more contrast, warmer", "sharpen, warmer", "black and white with a vignette and film grain",
        "make it 16:9 with white borders", "cooler, less saturated, flip it horizontally", "add clarity, a touch of fade",
    ])
    func streamingGivesTheWholeDecodesBytes(_ prompt: String) async throws {
        let plan = Self.whole.interpret(prompt).plan
        #expect(ClassicEngine.streams(plan, request: try TestInputs.request(prompt)), "\(plan) streams")
        let inputs = [
            (try Self.photoJPEG(width: 640, height: 480), 320, 240, OutputFormat.jpeg),  // shrunk on load
            (try Self.photoJPEG(width: 300, height: 200), 192, 128, .png),
            (try TestInputs.gradientPNG(), 200, 200, .webp),
            (try Raster.synthetic(width: 90, height: 60, pattern: .solid(RGBAColor(red: 200, green: 90, blue: 30, alpha: 128)))
                .encoded(as: .png()), 90, 60, .png),
        ]
        for (data, width, height, format) in inputs {
            let request = try TestInputs.request(prompt, images: [data], width: width, height: height, format: format)
            #expect(try await Self.images(Self.streamed, request) == Self.images(Self.whole, request), "\(prompt), \(width)×\(height) \(format)")
        }
    }

    @Test func plansThatReadOutOfOrderOrTwiceDoNotStream() throws {
        for prompt in ["rotate it 15 degrees", "flip it upside down", "auto levels", "fix the white balance", "dehaze",
                       "crop to the subject", "oil painting", "blurred borders"] {
            let plan = Self.whole.interpret(prompt).plan
            let request = try TestInputs.request(prompt)
            #expect(!plan.isEmpty && !ClassicEngine.streams(plan, request: request), "\(prompt): \(plan)")
        }
        let warmer = Self.whole.interpret("warmer").plan
        #expect(!ClassicEngine.streams(warmer, request: try TestInputs.request("warmer", numImages: 2)), "one input decoded for several outputs")
    }

    @Test func aRotatedPhotoComesOutUpright() async throws {
        let request = try TestInputs.request("warmer", images: [Self.photoJPEG(width: 120, height: 80, orientation: 6)], width: 80, height: 120)
        #expect(try await Self.images(Self.streamed, request) == Self.images(Self.whole, request))
    }

    @Test func aDamagedPhotoFailsAsTheInputsError() async throws {
        var damaged = try Self.photoJPEG(width: 640, height: 480)
        // Entropy-coded data scrambled in the middle; the end-of-image marker is still there.
        for index in stride(from: damaged.count / 3, to: damaged.count * 2 / 3, by: 7) { damaged[index] = 0xFF }
        let request = try TestInputs.request("brighter, more contrast, warmer", images: [damaged], width: 320, height: 240)
        for engine in [Self.streamed, Self.whole] {
            await #expect {
                _ = try await engine.edit(request, progress: { _ in })
            } throws: { error in
                let failure = error as? EngineError
                return failure?.jobErrorCode == .inputUndecodable && failure?.message.hasPrefix("image_urls[0]:") == true
            }
        }
    }
}
