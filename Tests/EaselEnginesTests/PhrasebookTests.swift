import EaselEngines
import Testing

/// The phrasebook: every prompt of a language is read, and all its mismatches are listed at
/// once, so that a change to the lexicon shows everything it moved.
@Suite("Phrasebook: prompts in seven languages → plans")
struct PhrasebookTests {
    let interpreter = PromptInterpreter()

    @Test("The phrasebook has at least 400 prompts, at least 60 in each language")
    func size() {
        #expect(Phrasebook.count >= 400)
        for (name, entries) in Phrasebook.languages where name != "English and mixed" {
            #expect(entries.count >= 60, "\(name): \(entries.count)")
        }
    }

    @Test("Each prompt gives its plan", arguments: Phrasebook.languages.map(\.name))
    func plans(language: String) {
        let entries = Phrasebook.languages.first { $0.name == language }?.entries ?? []
        let mismatches = entries.compactMap { prompt, expected -> String? in
            let plan = interpreter.interpret(prompt).plan.description
            return plan == expected ? nil : "\(prompt)  →  \(plan)   (expected \(expected))"
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(entries.count):\n\(mismatches.joined(separator: "\n"))")
    }

    @Test("A prompt in the phrasebook appears once")
    func unique() {
        var seen: Set<String> = []
        let repeated = Phrasebook.languages.flatMap(\.entries).map(\.0).filter { !seen.insert($0).inserted }
        #expect(repeated.isEmpty, "\(repeated)")
    }
}
