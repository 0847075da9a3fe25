/// Reads one clause (a list of tokens) into operations; see `PromptInterpreter`.
struct ClauseReader {
    /// Modifiers reach an effect at most this many other words later ("less of the saturation").
    static let modifierReach = 3

    /// An effect already turned into operations, kept so a trailing modifier ("a lot",
    /// "by 20%", "counterclockwise") can recompute it.
    private struct Application {
        let terms: [EffectTerm]
        let slots: Range<Int>
        var modifiers: PendingModifiers
        let reference: Int?
    }

    private let tokens: [String]
    private let lexicon: PromptLexicon
    private var slots: [EditOperation?] = []
    private(set) var notApplied: [String] = []
    /// The clause asks to hold back ("don't overdo it"): every edit of the prompt is softened.
    private(set) var restrained = false

    private var pending = PendingModifiers()
    private var subClauseStart = 0
    private var effectsInSubClause = 0
    private var last: Application?
    private var wordsSinceEffect = 0
    /// The first input image the clause names ("the second image"), if any.
    private var reference: Int?

    init(tokens: [String], lexicon: PromptLexicon) {
        self.tokens = tokens
        self.lexicon = lexicon
    }

    var operations: [EditOperation] { slots.compactMap { $0 } }

    mutating func read() {
        reference = firstReference()
        var index = 0
        while index < tokens.count {
            if let number = Self.number(tokens[index]) {
                var unit: NumberUnit?
                if case .unit(let u)? = lexicon.match(tokens, at: index + 1)?.meaning {
                    unit = u
                }
                read(PromptNumber(value: number, unit: unit, signed: tokens[index].first == "+" || tokens[index].first == "-"))
                index += unit == nil ? 1 : 2
                continue
            }
            guard let (meaning, length) = lexicon.match(tokens, at: index) else {
                skipWord()
                index += 1
                continue
            }
            switch meaning {
            case .separator:
                endSubClause(at: index)
                subClauseStart = index + length
            case .effect(let terms, let placement):
                if allows(placement, after: index + length) {
                    apply(terms)
                } else {
                    skipWord()
                }
            case .intensity(let factor):
                pending.add(intensity: factor)
            case .polarity(.sufficient) where !pending.isNegated:
                // "not bright enough": the negation was already spent on the effect before.
                if var last, last.modifiers.isNegated {
                    last.modifiers.add(polarity: .sufficient)
                    recompute(last)
                }
            case .polarity(let polarity):
                pending.add(polarity: polarity)
            case .trailingPolarity(let polarity):
                // "彩度を下げて": the verb follows its object and qualifies it at once,
                // never the next effect; with no effect before, it waits like any modifier.
                if var last {
                    var trailing = pending
                    trailing.add(polarity: polarity)
                    last.modifiers.absorb(trailing)
                    recompute(last)
                    pending = PendingModifiers()
                } else {
                    pending.add(polarity: polarity)
                }
            case .restraint:
                restrained = true
            case .rotationDirection(let direction):
                if var last, last.terms.contains(where: { $0.kind == .rotate }), last.modifiers.rotation == 1 {
                    last.modifiers.rotation = direction
                    recompute(last)
                } else {
                    pending.rotation = direction
                }
            case .pictureNoun, .filler, .reference, .unit:
                skipWord()
            }
            index += length
        }
        endSubClause(at: tokens.count)
    }

    /// "20", "+20", "-0.5", "1.25"; not "2nd".
    private static func number(_ token: String) -> Double? {
        guard let first = token.first, first.isNumber || first == "+" || first == "-" else { return nil }
        return Double(token)
    }

    private mutating func read(_ number: PromptNumber) {
        // "brightness +20%", "rotate 90 degrees": a number just after an effect that has none.
        if var last, last.modifiers.number == nil, wordsSinceEffect <= Self.modifierReach {
            last.modifiers.add(number: number)
            recompute(last)
        } else {
            pending.add(number: number)
        }
    }

    private mutating func skipWord() {
        pending.skipWord()
        wordsSinceEffect += 1
    }

    private func allows(_ placement: EffectPlacement, after index: Int) -> Bool {
        switch placement {
        case .anywhere:
            return true
        case .describingPicture:
            // The adjective ends the clause or is followed by something the lexicon knows.
            return index >= tokens.count || lexicon.match(tokens, at: index) != nil
        case .needsModifier:
            // "highlights -20%", "straighten by 3 degrees": a number close after counts too.
            return !pending.isEmpty || tokens[index..<min(index + 2, tokens.count)].contains { Self.number($0) != nil }
        case .needsReference:
            return reference != nil
        }
    }

    private mutating func apply(_ terms: [EffectTerm]) {
        let start = slots.count
        slots += terms.map { _ in nil }
        let application = Application(
            terms: terms, slots: start..<slots.count, modifiers: pending, reference: reference)
        recompute(application)
        effectsInSubClause += 1
        wordsSinceEffect = 0
        pending = PendingModifiers()
    }

    private mutating func recompute(_ application: Application) {
        for (slot, term) in zip(application.slots, application.terms) {
            slots[slot] = application.modifiers.value(of: term)
                .map { EditOperation(term.kind, $0, reference: application.reference) }
        }
        last = application
    }

    private mutating func endSubClause(at end: Int) {
        // "brighten it a lot": an intensity after the effect, with nothing else to qualify;
        // "the contrast is too strong": a complaint after it reverses it.
        if pending.hasIntensity && !pending.hasPolarity, var last, !last.modifiers.hasIntensity {
            last.modifiers.add(intensity: pending.intensity)
            recompute(last)
        } else if pending.hasPolarity, var last, !last.modifiers.hasPolarity {
            last.modifiers.absorb(pending)
            recompute(last)
        }
        let words = tokens[subClauseStart..<max(subClauseStart, end)]
        if effectsInSubClause == 0 && words.contains(where: lexicon.generativeTriggers.contains) {
            notApplied.append(words.joined(separator: " "))
        }
        pending = PendingModifiers()
        effectsInSubClause = 0
        last = nil
    }

    private func firstReference() -> Int? {
        for index in tokens.indices {
            if case .reference(let image)? = lexicon.match(tokens, at: index)?.meaning {
                return image
            }
        }
        return nil
    }
}
