import EaselEngines
import Testing

@Suite("Prompt → plan")
struct PromptInterpreterTests {
    let interpreter = PromptInterpreter()

    static let table: [(String, [EditOperation])] = [
        ("make it brighter", [.brightness(1)]),
        ("Darker", [.brightness(-1)]),
        ("slightly darker", [.brightness(-0.5)]),
        ("much brighter please", [.brightness(1.5)]),
        ("extremely bright", [.brightness(2)]),
        ("very very dark", [.brightness(-2.25)]),
        ("lighten the image a bit", [.brightness(0.5)]),
        ("increase the exposure", [.brightness(1)]),
        ("not so dark", [.brightness(0.5)]),
        ("Don't make it too bright", [.brightness(-0.5)]),
        ("more contrast", [.contrast(1)]),
        ("less contrast", [.contrast(-1)]),
        ("a bit more contrast", [.contrast(0.5)]),
        ("high-contrast", [.contrast(1)]),
        ("low contrast, flat look", [.contrast(-1)]),
        ("very punchy", [.contrast(1.5)]),
        ("more saturated", [.saturation(1)]),
        ("less saturated", [.saturation(-1)]),
        ("much less saturated", [.saturation(-1.5)]),
        ("vivid colors", [.saturation(1)]),
        ("desaturate slightly", [.saturation(-0.5)]),
        ("muted tones", [.saturation(-1)]),
        ("make the colours pop", [.saturation(1)]),
        ("warmer", [.warmth(1)]),
        ("warm it up a little", [.warmth(0.5)]),
        ("golden hour light", [.warmth(1)]),
        ("cooler", [.warmth(-1)]),
        ("cold blue tones", [.warmth(-1)]),
        ("extremely cold", [.warmth(-2)]),
        ("black and white", [.monochrome]),
        ("B&W", [.monochrome]),
        ("black-and-white photo", [.monochrome]),
        ("convert to greyscale", [.monochrome]),
        ("Monochrome.", [.monochrome]),
        ("sepia", [.monochrome, .warmth(1.5)]),
        ("noir", [.contrast(0.5), .monochrome]),
        ("not black and white", []),
        ("dark and dramatic", [.brightness(-1), .contrast(1)]),
        ("muted grayscale tones", [.monochrome]),
        ("make it warmer and less saturated", [.saturation(-1), .warmth(1)]),
        ("brighter, more contrast, cooler", [.brightness(1), .contrast(1), .warmth(-1)]),
        ("black and white with high contrast", [.contrast(1), .monochrome]),
        ("darker. not so dark though", [.brightness(-0.5)]),
        ("a man in a dark blazer with bright orange sunglasses", []),
        ("reduce the brightness a lot", [.brightness(-1.5)]),
        ("", []),
        ("remove the person", []),
    ]

    @Test("Table of prompts", arguments: table)
    func plans(prompt: String, expected: [EditOperation]) {
        #expect(interpreter.interpret(prompt).plan == EditPlan(expected), "\(prompt)")
        #expect(interpreter.interpret(prompt).plan.operations == expected, "\(prompt)")
    }

    @Test("The seed prompt yields monochrome, darker and more contrast")
    func seed() {
        let interpretation = interpreter.interpret(SeedPrompt.text)
        #expect(interpretation.plan.description == "brightness -1; contrast +1; monochrome")
        #expect(interpretation.notApplied.contains {
            $0.hasPrefix("transform the uploaded image into a high impact digital illustration")
        })
    }

    @Test("Generative requests are reported as not applied, classic parts still planned")
    func generative() {
        let interpretation = interpreter.interpret("Remove the person in the back and make it warmer")
        #expect(interpretation.plan == EditPlan([.warmth(1)]))
        #expect(interpretation.notApplied == ["remove the person in the back"])
        #expect(interpreter.interpret("replace the background with a beach").notApplied
            == ["replace the background"])
    }
}
