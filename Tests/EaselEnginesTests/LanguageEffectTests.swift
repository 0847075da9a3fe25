import EaselCore
import EaselEngines
import EaselImaging
import Foundation
import Testing

/// Correction words of every language, measured on pixels: each complaint moves the picture
/// the way that answers it, on the test inputs against the same input only fitted to size.
@Suite("Corrections in seven languages, measured on pixels")
struct LanguageEffectTests {
    let engine = ClassicEngine()

    private func measure(_ prompt: String) async throws -> (before: ImageStatistics, after: ImageStatistics) {
        try await EngineMeasurement.measure(engine, prompt)
    }

    private func detail(_ prompt: String, _ input: Data) async throws -> (before: Double, after: Double) {
        let request = try TestInputs.request(prompt, images: [input])
        let result = try await engine.edit(request) { _ in }
        let before = try Raster.decode(input).resized(width: request.width, height: request.height)
        return (try before.detailEnergy(), try Raster.decode(result.images[0].data).detailEnergy())
    }

    @Test(arguments: ["太暗了", "照片很暗", "暗すぎる", "demasiado oscuro", "trop sombre", "zu dunkel", "muito escuro",
                      "曝光不足", "露出不足", "sous-exposée", "unterbelichtet", "está subexposta",
                      "la foto está oscura", "das Bild ist dunkel", "a foto ficou escura"])
    func darknessIsBrightened(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.meanL > before.meanL + 3, "\(prompt): L* \(before.meanL) → \(after.meanL)")
    }

    @Test(arguments: ["太亮了", "明るすぎる", "demasiado brillante", "trop clair", "zu hell", "muito clara", "過曝了"])
    func brightnessIsDimmed(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.meanL < before.meanL - 2, "\(prompt): L* \(before.meanL) → \(after.meanL)")
    }

    @Test(arguments: ["颜色太艳了", "彩度が高すぎる", "demasiado saturada", "trop saturé", "zu gesättigt", "muito saturada"])
    func saturationIsReduced(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.meanChroma < before.meanChroma * 0.85, "\(prompt): C* \(before.meanChroma) → \(after.meanChroma)")
    }

    @Test(arguments: ["对比度太高了", "コントラストが強すぎる", "demasiado contraste", "trop de contraste", "zu viel Kontrast",
                      "contraste demais"])
    func contrastIsReduced(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.stdDevL < before.stdDevL * 0.9, "\(prompt): σL \(before.stdDevL) → \(after.stdDevL)")
    }

    @Test(arguments: ["画面发灰", "眠い写真", "se ve plana", "trop terne", "das Bild wirkt flau", "está sem graça",
                      "对比度太低", "le falta contraste"])
    func flatnessGetsContrast(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.stdDevL > before.stdDevL * 1.1, "\(prompt): σL \(before.stdDevL) → \(after.stdDevL)")
    }

    @Test(arguments: ["太暖了", "太黄了", "黄色すぎる", "demasiado cálida", "trop jaune", "zu warm", "Gelbstich entfernen",
                      "está amarelada"])
    func warmthIsCooled(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.meanB < before.meanB - 2, "\(prompt): b* \(before.meanB) → \(after.meanB)")
    }

    @Test(arguments: ["太冷了", "偏蓝", "青すぎる", "demasiado fría", "trop bleu", "zu kalt", "azul demais"])
    func coldnessIsWarmed(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.meanB > before.meanB + 2, "\(prompt): b* \(before.meanB) → \(after.meanB)")
    }

    @Test(arguments: ["太绿了", "緑かぶり", "demasiado verde", "trop vert", "zu grün", "muito verde"])
    func greenIsRemoved(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.meanA > before.meanA + 1, "\(prompt): a* \(before.meanA) → \(after.meanA)")
    }

    @Test(arguments: ["太模糊了", "ぼやけすぎ", "demasiado borrosa", "trop flou", "zu unscharf", "muito desfocada"])
    func blurIsSharpened(prompt: String) async throws {
        let (before, after) = try await detail(prompt, try TestInputs.photoLikePNG())
        #expect(after > before * 1.1, "\(prompt): detail \(before) → \(after)")
    }

    @Test(arguments: ["噪点太多", "ノイズが多すぎる", "demasiado ruido", "trop de bruit", "zu verrauscht", "ruído demais"])
    func noiseIsRemoved(prompt: String) async throws {
        let (before, after) = try await detail(prompt, try TestInputs.noisyPNG())
        #expect(after < before * 0.8, "\(prompt): detail \(before) → \(after)")
    }
}
