/// Reads a free-text prompt into an `EditPlan` of global colour and tone edits.
///
/// A deliberately small grammar: the prompt is split into clauses at punctuation, each
/// clause is scanned left to right matching the longest lexicon phrase, and modifiers
/// (intensity words, "more"/"less", negation) attach to the next effect within a few
/// words. Adjectives apply only when they describe the picture ("dark and dramatic",
/// "warm tones"), not an object in it ("a dark blazer"). See `ClauseReader`.
public struct PromptInterpreter: Sendable {
    private let lexicon: PromptLexicon

    public init() {
        self.init(lexicon: .standard)
    }

    init(lexicon: PromptLexicon) {
        self.lexicon = lexicon
    }

    public func interpret(_ prompt: String) -> PromptInterpretation {
        var operations: [EditOperation] = []
        var notApplied: [String] = []
        var restrained = false
        for clause in PromptNormalizer.clauses(of: prompt) {
            var reader = ClauseReader(tokens: clause, lexicon: lexicon)
            reader.read()
            operations += reader.operations
            restrained = restrained || reader.restrained
            for phrase in reader.notApplied where !notApplied.contains(phrase) {
                notApplied.append(phrase)
            }
        }
        if restrained { operations = operations.map { $0.softened() } }
        return PromptInterpretation(plan: EditPlan(operations), notApplied: notApplied)
    }
}
