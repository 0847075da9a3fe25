/// Reads one clause (a list of tokens) into operations; see `PromptInterpreter`.
struct ClauseReader {
    /// Modifiers reach an effect at most this many other words later ("less of the saturation").
    static let modifierReach = 3

    private let tokens: [String]
    private let lexicon: PromptLexicon
    private(set) var operations: [EditOperation] = []
    private(set) var notApplied: [String] = []

    /// Modifiers seen but not yet attached to an effect.
    private var pending = PendingModifiers()
    /// Where the current sub-clause (part between separators) starts.
    private var subClauseStart = 0
    private var effectsInSubClause = 0
    /// Operations of the last effect in this sub-clause, for a trailing "a bit".
    private var lastEffect: Range<Int>?
    private var lastEffectHadIntensity = false

    init(tokens: [String], lexicon: PromptLexicon) {
        self.tokens = tokens
        self.lexicon = lexicon
    }

    mutating func read() {
        var index = 0
        while index < tokens.count {
            guard let (meaning, length) = lexicon.match(tokens, at: index) else {
                pending.skipWord()
                index += 1
                continue
            }
            switch meaning {
            case .separator:
                endSubClause(at: index)
                subClauseStart = index + length
            case .effect(let terms, let placement):
                if placement == .describingPicture && !describesPicture(wordAfter: index + length) {
                    pending.skipWord()
                } else {
                    apply(terms)
                }
            case .intensity(let factor):
                pending.add(intensity: factor)
            case .polarity(let polarity):
                pending.add(polarity: polarity)
            case .pictureNoun, .filler:
                pending.skipWord()
            }
            index += length
        }
        endSubClause(at: tokens.count)
    }

    /// Whether an adjective ending before `index` describes the picture rather than an
    /// object: nothing follows, or a structural word, picture noun or another modifier.
    private func describesPicture(wordAfter index: Int) -> Bool {
        guard index < tokens.count else { return true }
        return lexicon.match(tokens, at: index) != nil
    }

    private mutating func apply(_ terms: [EffectTerm]) {
        let sign = pending.sign
        // "not black and white", "less sepia": there is no opposite of removing colour.
        if sign < 0 && terms.contains(where: { $0.dimension == .monochrome }) {
            pending = PendingModifiers()
            return
        }
        let scale = pending.intensity * sign * (pending.halved ? 0.5 : 1)
        let start = operations.count
        for term in terms {
            operations.append(.make(term.dimension, strength: term.weight * scale))
        }
        lastEffect = start..<operations.count
        lastEffectHadIntensity = pending.hasIntensity
        effectsInSubClause += 1
        pending = PendingModifiers()
    }

    private mutating func endSubClause(at end: Int) {
        // "brighten it a lot": an intensity after the effect, with nothing else to qualify.
        if pending.hasIntensity && !pending.hasPolarity && !lastEffectHadIntensity, let lastEffect {
            for index in lastEffect {
                let operation = operations[index]
                operations[index] = .make(operation.dimension, strength: operation.strength * pending.intensity)
            }
        }
        let words = tokens[subClauseStart..<max(subClauseStart, end)]
        if effectsInSubClause == 0 && words.contains(where: lexicon.generativeTriggers.contains) {
            notApplied.append(words.joined(separator: " "))
        }
        pending = PendingModifiers()
        effectsInSubClause = 0
        lastEffect = nil
        lastEffectHadIntensity = false
    }
}
