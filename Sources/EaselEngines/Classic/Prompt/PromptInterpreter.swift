/// Reads a free-text prompt into an `EditPlan` of global colour and tone edits.
///
/// A deliberately small grammar: the prompt is split into clauses at punctuation, each
/// clause is scanned left to right matching the longest lexicon phrase, and modifiers
/// (intensity words, "more"/"less", negation) attach to the next effect within a few
/// words. Adjectives apply only when they describe the picture ("dark and dramatic",
/// "warm tones"), not an object in it ("a dark blazer"). See `ClauseReader`.
///
/// English, Chinese, Spanish, French, German, Japanese and Portuguese are read, mixed in one
/// prompt too; Chinese and Japanese are segmented by the lexicon (`TokenSegmenter`). Words in
/// other scripts are reported whole in `notApplied` (`PromptSegment`).
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
        var context: [String] = []
        func report(_ phrase: String) {
            if !notApplied.contains(phrase) { notApplied.append(phrase) }
        }
        for segment in PromptSegment.split(prompt) {
            guard case .readable(let text) = segment else {
                if case .unread(let words, let script) = segment {
                    report("\"\(words)\": written in \(script) script, which the classic engine does not read" + ClauseReader.languagesRead)
                }
                continue
            }
            var complaint = false
            var regions: [String] = []
            let quote = PromptQuote(text)
            for clause in PromptNormalizer.clauses(of: text) {
                var reader = ClauseReader(
                    tokens: clause.flatMap(lexicon.segmenter.split), lexicon: lexicon, complaintBefore: complaint,
                    editedBefore: !operations.isEmpty, regionsBefore: regions)
                reader.read()
                complaint = reader.endsInComplaint
                regions = reader.endsWithRegions
                operations += reader.operations
                restrained = restrained || reader.restrained
                reader.notApplied.map { quote.restored(TokenSegmenter.joined($0)) }.forEach(report)
                context += reader.contextPhrases.map { quote.restored(TokenSegmenter.joined($0)) }
            }
        }
        if operations.isEmpty { context.forEach(report) }
        if restrained { operations = operations.map { $0.softened() } }
        return PromptInterpretation(plan: EditPlan(operations), notApplied: notApplied)
    }
}
