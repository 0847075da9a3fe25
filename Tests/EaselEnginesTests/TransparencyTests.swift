import EaselCore
@testable import EaselEngines
import Testing

/// Every clause of a prompt ends up in the plan or in `notApplied`, whole; the plan is
/// always returned.
@Suite("Every clause is planned or reported")
struct TransparencyTests {
    let interpreter = PromptInterpreter()
    let engine = ClassicEngine()

    @Test func unknownClausesAreReported() {
        let interpretation = interpreter.interpret("make it warmer, in the style of a famous painter")
        #expect(interpretation.plan.description == "temperature +1")
        #expect(interpretation.notApplied == ["in the style of a famous painter: not understood by the classic engine"])
    }

    /// A clause of mostly unknown words may be in a language it does not read (Italian here):
    /// the report says which ones it reads, quoting the words as they were written.
    @Test func aClauseOfUnknownWordsNamesTheLanguagesRead() {
        let interpretation = interpreter.interpret("make it brighter, rendi la foto più calda")
        #expect(interpretation.plan.description == "brightness +1")
        #expect(interpretation.notApplied == [
            "rendi la foto più calda: not understood by the classic engine "
                + "(it reads English, Chinese, Spanish, French, German, Japanese and Portuguese)",
        ])
    }

    /// A report quotes the prompt as written: accents, capitals, hyphens and Han characters
    /// as the user typed them, not the folded words the reader works on.
    @Test("Reports quote the user's own words", arguments: [
        ("zrób zdjęcie jaśniejsze", "zrób zdjęcie jaśniejsze"),
        ("Éclaircir le CIEL, plus chaud", "Éclaircir le CIEL"),
        ("add a Neon-Sign in the corner", "add a Neon-Sign in the corner"),
        ("把背景虚化，照片亮一点", "把背景虚化"),
        ("Weichzeichnen: den Hintergrund", "den Hintergrund"),
    ])
    func reportsQuoteTheUsersWords(prompt: String, quote: String) {
        let reports = interpreter.interpret(prompt).notApplied
        #expect(reports.contains { $0 == quote || $0.hasPrefix(quote + ": ") }, "\(reports)")
    }

    /// A left turn is a rotation of its own sign, nothing taken away: planned, not reported.
    @Test("Left rotations are planned and not reported", arguments: [
        "rotate 90 degrees left", "rotate left", "向左旋转90度", "fais pivoter de 90 degrés vers la gauche",
        "um 90 Grad nach links drehen", "左に90度回転", "gira 90 graus para a esquerda",
    ])
    func leftRotations(prompt: String) {
        let interpretation = interpreter.interpret(prompt)
        #expect(interpretation.plan.description == "rotate -90", "\(prompt)")
        #expect(interpretation.notApplied.isEmpty, "\(prompt): \(interpretation.notApplied)")
    }

    /// A sub-clause asking to fix what an earlier one corrected is that correction, and says
    /// nothing more; alone it asks for the general enhancement.
    @Test func aFixAfterACorrectionIsThatCorrection() {
        #expect(interpreter.interpret("too dark, fix it").notApplied.isEmpty)
        #expect(interpreter.interpret("too dark, fix it").plan.description == "brightness +1")
        #expect(interpreter.interpret("fix it").plan.description == "auto levels; vibrance +0.5; sharpness +0.25")
        #expect(interpreter.interpret("make it warmer and fix the hair").notApplied.first?.hasPrefix("fix the hair") == true)
    }

    /// "it" after a clause that named a part is that part; a clause without a pronoun is
    /// about the picture.
    @Test func aPronounAfterARegionIsThatRegion() {
        let referred = interpreter.interpret("her face is too dark, brighten it")
        #expect(referred.plan.isEmpty)
        #expect(referred.notApplied.count == 2 && referred.notApplied.allSatisfy { $0.contains("a mask of the face") })
        #expect(interpreter.interpret("blur the background, more contrast").plan.description == "contrast +1")
    }

    /// A limit ("don't change the colours") is kept, and said to be, not called generative.
    @Test func aLimitIsReportedAsKept() {
        let limited = interpreter.interpret("don't change the colors, just brighten it")
        #expect(limited.plan.description == "brightness +1")
        #expect(limited.notApplied == ["don't change the colors: " + PromptLexicon.keptLimitReason])
    }

    /// A scene made into another is generative: a warm grade would only pretend to do it.
    @Test func aSceneChangeIsGenerative() {
        let sunset = interpreter.interpret("turn it into a sunset")
        #expect(sunset.plan.isEmpty)
        #expect(sunset.notApplied == ["turn it into a sunset: " + PromptLexicon.generativeReason])
        #expect(interpreter.interpret("warm sunset tones").plan.description == "temperature +1")
    }

    /// A pet or a person named in another language is a part: reported, never applied to the
    /// whole frame; "猫の写真" is the photo of a cat, the whole photo.
    @Test func partsInOtherLanguages() {
        for prompt in ["mon chat est un peu flou", "el perro está borroso", "磨皮美白"] {
            let interpretation = interpreter.interpret(prompt)
            #expect(interpretation.plan.isEmpty, "\(prompt)")
            #expect(interpretation.notApplied.first?.contains("needs a mask") == true, "\(prompt): \(interpretation.notApplied)")
        }
        #expect(interpreter.interpret("猫の写真がちょっとボケてる").plan.description == "sharpness +0.5")
    }

    /// What the prompt asks to keep is kept, and said to be; restraint alone is said too.
    @Test func keepsAndRestraintAloneAreReported() {
        #expect(interpreter.interpret("Please keep the grain").notApplied == ["Please keep the grain: " + PromptLexicon.keptLimitReason])
        #expect(interpreter.interpret("nur dezent").notApplied.count == 1)
        #expect(interpreter.interpret("brighter, don't overdo it").notApplied.isEmpty)
    }

    /// Words of change with nothing to change are reported, not dropped.
    @Test func aWordOfChangeAloneIsReported() {
        for prompt in ["more", "intensify", "warmer, much more"] {
            let words = prompt.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? prompt
            #expect(interpreter.interpret(prompt).notApplied == ["\(words): not understood by the classic engine"], "\(prompt)")
        }
        #expect(interpreter.interpret("too much yellow in the highlights").notApplied.first?
            .contains("needs a mask of the highlights") == true)
    }

    /// A look the engine only adds, asked away, is said rather than dropped; a negation
    /// ("no vignette") asks for nothing and is honoured silently.
    @Test func aLookAskedAwayIsReported() {
        let interpretation = interpreter.interpret("warmer, less vignette")
        #expect(interpretation.plan.description == "temperature +1")
        #expect(interpretation.notApplied == [
            "less vignette: the classic engine adds vignette but does not take away what the photo has",
        ])
        #expect(interpreter.interpret("warmer, no vignette").notApplied.isEmpty)
        #expect(interpreter.interpret("less faded").plan.description == "contrast +1; saturation +0.5")
    }

    @Test func aTiltWithoutAnAngleSaysWhatItNeeds() {
        for prompt in ["straighten the horizon", "level the horizon"] {
            let entry = interpreter.interpret(prompt).notApplied
            #expect(entry.count == 1 && entry.first?.hasPrefix(prompt + ": needs the angle of the tilt") == true, "\(entry)")
        }
    }

    @Test func knownWordsNotAskedForAreReported() {
        // Every word known, none asking for an edit: "shadows" needs a verb or a number.
        #expect(interpreter.interpret("the shadows").notApplied == ["the shadows: not understood by the classic engine"])
    }

    @Test func restraintAndCleaningCountAsApplied() {
        #expect(interpreter.interpret("brighter, don't overdo it").notApplied.isEmpty)
        let cleaned = interpreter.interpret("it's too noisy, clean it up")
        #expect(cleaned.plan.description == "denoise" && cleaned.notApplied.isEmpty)
    }

    /// Quoted whole, with why the classic engine does not do it.
    @Test func aGenerativeRequestIsQuotedWhole() {
        #expect(interpreter.interpret("replace the background with a beach").notApplied
            == ["replace the background with a beach: " + PromptLexicon.generativeReason])
        #expect(PromptLexicon.generativeReason.contains("the diffusion engine can add, remove or redraw"))
    }

    /// Quoted as written, though the reader spells the contraction out.
    @Test func contractionsAreQuotedWhole() {
        #expect(interpreter.interpret("it's too bright in the background").notApplied.first?
            .hasPrefix("it's too bright in the background: needs a mask of the background") == true)
        #expect(interpreter.interpret("it's too dark").plan.description == "brightness +1")
    }

    @Test func ratiosAreNotCutAtTheColon() {
        #expect(interpreter.interpret("make it 16:9").plan.description == "crop 16:9")
        let refused = interpreter.interpret("make it 16:9 and remove the car")
        #expect(refused.notApplied == ["remove the car: " + PromptLexicon.generativeReason])
    }

    @Test func thePlanIsReturnedWithoutPromptExtend() async throws {
        let result = try await engine.edit(try TestInputs.request("warmer, add a vignette")) { _ in }
        #expect(result.actualPrompt == "temperature +1; vignette")
    }
}
