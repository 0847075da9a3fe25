@testable import EaselEngines
import Testing

/// How prompts outside English are read: folding, segmentation, clauses in scripts the
/// engine does not read, and generative requests in each language.
@Suite("Reading other languages")
struct LanguageReadingTests {
    let interpreter = PromptInterpreter()

    @Test("Accents, case and full-width forms fold to one spelling")
    func folding() {
        #expect(PromptFolding.folded("Sättigung ERHÖHEN, más claro, très sombre") == "Sattigung ERHOHEN, mas claro, tres sombre")
        #expect(PromptFolding.folded("Weiß") == "Weiss")
        #expect(PromptFolding.folded("亮度＋２０％，ＯＫ！") == "亮度+20%,OK!")
        // Kana keep their voicing marks: が is not か.
        #expect(PromptFolding.folded("ぼかしが") == "ぼかしが")
    }

    @Test("Chinese and Japanese are segmented by longest match against the lexicon")
    func segmentation() {
        let segmenter = PromptLexicon.standard.segmenter
        #expect(segmenter.split("把图片调亮一点") == ["把", "图片", "调", "亮", "一点"])
        #expect(segmenter.split("去除噪点") == ["去除噪点"])
        #expect(segmenter.split("彩度を下げて") == ["彩度", "を", "下げ", "て"])
        // Unknown characters stay together as one word.
        #expect(segmenter.split("把这只猫调亮") == ["把", "这只", "猫", "调", "亮"])
        #expect(segmenter.split("brighter") == ["brighter"])
    }

    @Test("Han and Latin written together are separate words")
    func scriptsSplitWords() {
        #expect(PromptNormalizer.clauses(of: "brighter再暖一点") == [["brighter", "再暖一点"]])
        #expect(PromptNormalizer.clauses(of: "亮一点。对比度高一点、暖一点") == [["亮一点"], ["对比度高一点"], ["暖一点"]])
    }

    @Test("A clause in a script the engine does not read is reported whole, with the reason",
          arguments: [
            ("сделай ярче", "Cyrillic"), ("اجعلها أكثر إشراقا", "Arabic"), ("더 밝게 해줘", "Hangul"),
            ("κάνε το πιο φωτεινό", "Greek"),
          ])
    func unreadScript(prompt: String, script: String) {
        let interpretation = interpreter.interpret(prompt)
        #expect(interpretation.plan.isEmpty)
        #expect(interpretation.notApplied.count == 1)
        let report = interpretation.notApplied.first ?? ""
        #expect(report.hasPrefix("\"\(prompt)\": written in \(script) script, which the classic engine does not read"), "\(report)")
    }

    @Test("Mixed prompts: read clauses are planned, unread ones quoted whole")
    func mixedUnread() {
        let interpretation = interpreter.interpret("make it brighter, сделай теплее и контрастнее, 再暖一点")
        #expect(interpretation.plan.description == "brightness +1; temperature +0.5")
        #expect(interpretation.notApplied.count == 1)
        #expect(interpretation.notApplied.first?.hasPrefix("\"сделай теплее и контрастнее\": written in Cyrillic") == true)
        // Within one clause, the unread words are cut out and the rest is read.
        let inline = interpreter.interpret("make it brighter и теплее")
        #expect(inline.plan.description == "brightness +1")
        #expect(inline.notApplied.first?.hasPrefix("\"и теплее\"") == true)
        // Never silently dropped, even when nothing else is in the prompt.
        #expect(interpreter.interpret("밝게, 더 따뜻하게").notApplied.count == 2)
    }

    @Test("Generative requests are reported in each language, classic parts still planned",
          arguments: [
            ("去掉背景里的人，亮一点", "去掉背景里的人", "brightness +0.5"),
            ("刪除文字", "刪除文字", "no edits"),
            ("人を消して、明るくして", "人を消して", "brightness +1"),
            ("quita a la persona y hazla más cálida", "quita a la persona", "temperature +1"),
            ("supprime le logo, plus chaud", "supprime le logo", "temperature +1"),
            ("entferne die Person und mach es heller", "entferne die Person", "brightness +1"),
            ("remova o fundo", "remova o fundo", "no edits"),
            ("eliminar el fondo", "eliminar el fondo", "no edits"),
            // A part of the picture with no classic effect is reported too.
            ("美白皮肤", "美白皮肤", "no edits"), ("suaviza la piel", "suaviza la piel", "no edits"),
            ("lisse la peau", "lisse la peau", "no edits"), ("die Haare färben", "die Haare färben", "no edits"),
            ("alise a pele", "alise a pele", "no edits"), ("肌をきれいに", "肌をきれいに", "no edits"),
          ])
    func generative(prompt: String, reported: String, plan: String) {
        let interpretation = interpreter.interpret(prompt)
        #expect(interpretation.plan.description == plan, "\(prompt)")
        // Reported phrase first; a reason may follow it ("…: needs a mask of the skin").
        #expect(interpretation.notApplied.count == 1, "\(prompt): \(interpretation.notApplied)")
        #expect(interpretation.notApplied.first?.hasPrefix(reported) == true, "\(prompt): \(interpretation.notApplied)")
    }

    @Test("A negative prompt's words of excess cap the change in every language, never reverse it",
          arguments: [
            ("much brighter", "过曝", "brightness +0.5"), ("much brighter", "露出オーバー", "brightness +0.5"),
            ("much brighter", "sobreexpuesta", "brightness +0.5"), ("much darker", "太暗", "brightness -0.5"),
            ("much darker", "trop sombre", "brightness -0.5"), ("much darker", "zu dunkel", "brightness -0.5"),
            ("extremely vivid", "muito saturada", "saturation +0.5"), ("extremely vivid", "过饱和，模糊", "saturation +0.5"),
          ])
    func negativeExcess(prompt: String, negative: String, plan: String) throws {
        var request = try TestInputs.request(prompt)
        request.negativePrompt = negative
        #expect(ClassicEngine().plan(for: request).plan.description == plan, "\(negative)")
    }

    @Test("A word of another language never means two things")
    func noConflicts() {
        let all = PromptLexicon.toneWords + PromptLexicon.colourWords + PromptLexicon.styleWords
            + PromptLexicon.framingWords + PromptLexicon.grammarWords + PromptLexicon.languageWords
        var meanings: [String: [LexiconMeaning]] = [:]
        for (phrase, meaning) in all where !(meanings[phrase]?.contains(meaning) ?? false) {
            meanings[phrase, default: []].append(meaning)
        }
        let foreign = Set(PromptLexicon.languageWords.map(\.0))
        let conflicts = meanings.filter { foreign.contains($0.key) && $0.value.count > 1 }.keys.sorted()
        #expect(conflicts.isEmpty, "\(conflicts)")
    }

    @Test("Lexicon words are in folded form, so that folded prompts can match them")
    func foldedLexicon() {
        let unfolded = PromptLexicon.languageWords.map(\.0).filter { PromptFolding.folded($0).lowercased() != $0 }
        #expect(unfolded.isEmpty, "\(unfolded)")
    }
}
