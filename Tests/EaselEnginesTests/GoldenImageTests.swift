import EaselAPI
import EaselCore
import EaselEngines
import EaselImaging
import Foundation
import Testing

/// Fixed inputs through representative plans, each output checked against a stored
/// fingerprint (see `ImageFingerprint`). When an operation changes on purpose, the failure
/// message prints the new fingerprint to paste here.
@Suite("Golden images")
struct GoldenImageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let prompt: String
        let input: @Sendable () throws -> [Data]
        let golden: String
        let l, sdL, a, b, detail, localContrast: Double
        var testDescription: String { prompt }
    }

    static let gradient: @Sendable () throws -> [Data] = { [try TestInputs.gradientPNG()] }
    static let photo: @Sendable () throws -> [Data] = { [try TestInputs.photoLikePNG()] }
    /// Low contrast and soft, so grain and clarity show: the photo's hard edges would hide them.
    static let flat: @Sendable () throws -> [Data] = { [try TestInputs.flatPNG()] }
    static let withReference: @Sendable () throws -> [Data] = {
        [try TestInputs.gradientPNG(), try TestInputs.solidPNG(red: 200, green: 120, blue: 60)]
    }

    static let cases: [Case] = [
        Case(prompt: "brighter, more contrast, warmer", input: gradient,
             golden: "5f4ac0724bb28b4ea5a8519ac9578eec5d83657eb6797ea793819ab0828dd18681f38a7570b2ad84b39e9eb490bbb683dcb976fabc6980eaa593ea96adeb87c9ec7aeaee6dfff061",
             l: 67.13, sdL: 16.53, a: 6.59, b: 9.27, detail: 1.14, localContrast: 2.36),
        Case(prompt: "auto levels, clarity, film grain", input: flat,
             golden: "242724444844636763838783a5a8a5cbcfcb242724444744626662838783a4a8a4cacfca242724444744636663838783a5a9a5cbcfcb242824444744636763848784a5a9a5cbcfcb",
             l: 49.12, sdL: 23.99, a: -2.04, b: 1.47, detail: 32.19, localContrast: 16.27),
        Case(prompt: "dehaze, more vibrance", input: photo,
             golden: "5e39685f39695e38695d38685e39685f39695e39695e38696139696239695d38685f38695e39685e39686138696138695d38685f39695d38695e38695d38695e38685f38695e3869",
             l: 32.68, sdL: 16.92, a: 35.83, b: -18.59, detail: 38.9, localContrast: 41.51),
        Case(prompt: "sepia", input: gradient,
             golden: "6a4e366d503871553d785c4481654c8b705781654c82664d866a518c705793785f9c82699c81689d8269a1866da58a71aa9177b2997fbaa187bba289bda58bc1a98fc6ae95ccb49b",
             l: 55.08, sdL: 11.89, a: 6.5, b: 17.58, detail: 0.92, localContrast: 1.83),
        Case(prompt: "noir", input: photo,
             golden: "5353535959595d5d5d5d5d5d5959595353535959596363636b6b6b6b6b6b6363635959595959596363636b6b6b6b6b6b6363635959595353535959595d5d5d5d5d5d595959535353",
             l: 39.15, sdL: 12.54, a: 0.01, b: 0, detail: 24.52, localContrast: 26.54),
        Case(prompt: "posterize", input: gradient,
             golden: "3242cd5642b06c429892429ca8428fcd426d326aa6566a976c6a9b926a84a86a67cd6a663293995693976c9379929364a89368cd935732bc9056bc6e6cbc6392bc66a8bc4ccdbc32",
             l: 55.3, sdL: 13.03, a: 5.29, b: 1.51, detail: 2.12, localContrast: 2.66),
        Case(prompt: "pencil sketch", input: photo,
             golden: "f1f1f1f2f2f2f1f1f1f2f2f2f1f1f1f1f1f1f2f2f2f3f3f3f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f1f1f1f2f2f2f2f2f2f2f2f2f2f2f2f3f3f3f1f1f1f2f2f2",
             l: 95.34, sdL: 6.39, a: 0.02, b: -0.01, detail: 38.09, localContrast: 17.69),
        Case(prompt: "halftone", input: gradient,
             golden: "5a5a5a5959595f5f5f6767676e6e6e7979797171717070707575757979798080808b8b8b8d8d8d8c8c8c8f8f8f9393939797979c9c9ca5a5a5a4a4a4a6a6a6a8a8a8aaaaaab1b1b1",
             l: 53.07, sdL: 46.43, a: 0.01, b: -0.01, detail: 192.41, localContrast: 113.32),
        Case(prompt: "sharpen, add a vignette", input: photo,
             golden: "423149503c57594362594262503c57423249513c59684e737b5a847b5a84684e72513d59513d59684e727b5b847b5b85684e73523d594231494f3c58584262594362503c57423149",
             l: 32.35, sdL: 12.26, a: 19.58, b: -14.23, detail: 28.46, localContrast: 23.28),
        Case(prompt: "blur", input: photo,
             golden: "81608c81608c80608d80608d80608d80608c80608d7f608d82608d83608c7f608c80608d81608c80608c82608d83608d80608d80608c80608d80608d7f608d80608c81608d80608d",
             l: 45.9, sdL: 8.12, a: 24.16, b: -19.2, detail: 7.09, localContrast: 19.03),
        Case(prompt: "rotate 90 degrees", input: gradient,
             golden: "5ec96b5eab7a5e8e885e70975e53a65e35b575c96075ab6f758e7d75708c75539b7535aa8ac9548aab638a8e728a70818a538f8a359ea0c949a0ab58a08e67a07076a05384a03593",
             l: 54.62, sdL: 12.89, a: 2.7, b: 0.54, detail: 0.6, localContrast: 1.28),
        Case(prompt: "rotate 15 degrees, letterbox", input: gradient,
             golden: "2a44785461b168529e7f4996a4459872265b2e5b6b5b839c6f728b866a84ab6783763c4d32715e61a5887592778c8a70b2896f7b514137875069c7737cb26492aa5db9ab5a7f6634",
             l: 48.63, sdL: 19.52, a: 2.34, b: 1.06, detail: 3.44, localContrast: 6.05),
        Case(prompt: "use the colours of the second image", input: withReference,
             golden: "bb5a5cbd5b55c15c50c95d49d25e42dc5f3ab76e52ba6f4bbf6e44c76e3ed06e36db6e2eb78247ba823fc08139c78031d08029db7e1fba933abe9332c3932bca9222d39117dd900b",
             l: 58.08, sdL: 4.76, a: 26.19, b: 45.18, detail: 0.56, localContrast: 0.7),
    ]

    @Test("Outputs match their stored fingerprints", arguments: cases)
    func golden(_ item: Case) async throws {
        var request = try TestInputs.request(item.prompt, images: item.input())
        request.seed = 7
        let result = try await ClassicEngine().edit(request) { _ in }
        let actual = try ImageFingerprint(Raster.decode(result.images[0].data))
        let golden = ImageFingerprint(grid: item.golden, l: item.l, sdL: item.sdL, a: item.a, b: item.b, detail: item.detail,
                                      localContrast: item.localContrast)
        let differences = actual.differences(from: golden)
        #expect(differences.isEmpty, "\(item.prompt): \(differences.joined(separator: "; ")); now \(actual)")
    }

    @Test("Halftone has no randomness: the seed changes nothing, grain it changes")
    func halftoneIgnoresSeed() async throws {
        func output(_ prompt: String, seed: UInt64) async throws -> Data {
            var request = try TestInputs.request(prompt)
            request.seed = seed
            return try await ClassicEngine().edit(request) { _ in }.images[0].data
        }
        #expect(try await output("halftone", seed: 1) == output("halftone", seed: 2))
        #expect(try await output("film grain", seed: 1) != output("film grain", seed: 2))
    }
}
