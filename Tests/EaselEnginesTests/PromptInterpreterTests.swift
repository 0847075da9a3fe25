@testable import EaselEngines
import Testing

@Suite("Prompt → plan")
struct PromptInterpreterTests {
    let interpreter = PromptInterpreter()

    @Test("The table has at least 150 prompts")
    func size() {
        #expect(PromptTable.all.count >= 150)
    }

    @Test("Table of prompts", arguments: PromptTable.all)
    func plans(prompt: String, expected: String) {
        #expect(interpreter.interpret(prompt).plan.description == expected, "\(prompt)")
    }

    @Test("Canonical plan text reads back to the same plan", arguments: PromptTable.all)
    func roundTrip(prompt: String, expected: String) {
        let plan = interpreter.interpret(prompt).plan
        #expect(interpreter.interpret(plan.description).plan.description == plan.description, "\(plan)")
    }

    /// Its dark background is a region: reported, not a darker frame.
    @Test("The seed prompt yields muted grayscale, high contrast and cinematic")
    func seed() {
        let interpretation = interpreter.interpret(SeedPrompt.text)
        #expect(interpretation.plan.description == "contrast +1; monochrome; vignette +0.5")
        #expect(interpretation.notApplied.contains { $0.hasPrefix("The background is dark") && $0.contains("a mask of the background") })
        #expect(interpretation.notApplied.contains {
            $0.hasPrefix("Transform the uploaded image into a high-impact digital illustration")
        })
        #expect(interpretation.notApplied.contains { $0.contains("paint strokes") })
    }

    @Test("Generative requests are reported phrase by phrase, classic parts still planned")
    func generative() {
        let interpretation = interpreter.interpret("Remove the person in the back and make it warmer")
        #expect(interpretation.plan == EditPlan([.temperature(1)]))
        let phrases = { (prompt: String) in interpreter.interpret(prompt).notApplied.map { $0.components(separatedBy: ": ")[0] } }
        #expect(interpretation.notApplied == ["Remove the person in the back: " + PromptLexicon.generativeReason])
        #expect(phrases("replace the background with a beach") == ["replace the background with a beach"])
        #expect(phrases("change her shirt to red, swap the face") == ["change her shirt to red", "swap the face"])
    }
}
