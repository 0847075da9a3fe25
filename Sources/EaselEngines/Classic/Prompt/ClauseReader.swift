/// Reads one clause (a list of tokens) into operations; see `PromptInterpreter`.
struct ClauseReader {
    /// Modifiers reach an effect at most this many other words later ("less of the saturation").
    static let modifierReach = 3

    /// An effect already turned into operations, kept so a trailing modifier ("a lot",
    /// "by 20%", "counterclockwise") can recompute it.
    private struct Application {
        var terms: [EffectTerm]
        let slots: Range<Int>
        var modifiers: PendingModifiers
        let reference: Int?
        /// The terms are a correction (`EffectPlacement.correcting`) no modifier of
        /// direction has acted on yet.
        var correcting = false

        /// A modifier of direction acts on the fault a correction names: the terms are
        /// turned to face the fault first, once.
        mutating func faceFault() {
            guard correcting else { return }
            terms = terms.map { EffectTerm($0.kind, -$0.weight) }
            correcting = false
        }
    }

    private let tokens: [String]
    private let lexicon: PromptLexicon
    private var slots: [EditOperation?] = []
    private(set) var notApplied: [String] = []
    /// Sub-clauses that only say what the photo is ("kitchen photo"): reported when the
    /// prompt asks for nothing else, since a failed job names every clause.
    private(set) var contextPhrases: [String] = []
    /// The clause asks to hold back ("don't overdo it"): every edit of the prompt is softened.
    private(set) var restrained = false

    private var pending = PendingModifiers()
    private var subClauseStart = 0
    private var effectsInSubClause = 0
    /// Where the sub-clause's operations start in `slots`, to drop them if it names a region.
    private var subClauseSlots = 0
    /// What the sub-clause's regions need ("a mask of the skin"), in order.
    private var regionNeeds: [String] = []
    /// Why the sub-clause's known but impossible edits are not made.
    private var unsupportedReasons: [String] = []
    /// Tokens read as region names: "background" names a part there, not a generative edit.
    private var regionTokens: Set<Int> = []
    /// The regions of the sub-clause before, carried into a short one that only adds effects
    /// ("make her face brighter | and warmer").
    private var previousRegionNeeds: [String] = []
    private var pictureNounInSubClause = false
    /// The last sub-clause reported as generative: its entry in `notApplied` and first token.
    private var generativeReport: (entry: Int, start: Int)?
    /// The sub-clause holds back or has a word the lexicon does not know.
    private var restraintInSubClause = false
    private var unknownInSubClause = false
    private var last: Application?
    private var wordsSinceEffect = 0
    /// The first input image the clause names ("the second image"), if any.
    private var reference: Int?
    /// The sub-clause before was a complaint ("too dark"): a bare state joined to it ("and
    /// saturated", ", very saturated") is one too, and is corrected rather than asked for.
    private var complaintBefore: Bool
    /// The slots of the sub-clause's first effect, when it is a bare state word
    /// (`complaintStates`) read without a modifier of direction.
    private var bareState: Range<Int>?
    private var polarityInSubClause = false
    /// Words of the sub-clause that the lexicon does not know at all.
    private var unknownWordsInSubClause = 0
    /// The clause's last sub-clause was a complaint: the next clause (after a comma) may
    /// continue it.
    private(set) var endsInComplaint = false

    /// Clauses before this one planned edits.
    private let editedBefore: Bool
    /// What the clause's last sub-clause needed to edit the parts it named: a short clause
    /// after it ("brighten it") is about those parts.
    private(set) var endsWithRegions: [String] = []
    /// The regions the clause before ended with.
    private let regionsBefore: [String]

    init(
        tokens: [String], lexicon: PromptLexicon, complaintBefore: Bool = false, editedBefore: Bool = false,
        regionsBefore: [String] = []
    ) {
        self.tokens = tokens
        self.lexicon = lexicon
        self.complaintBefore = complaintBefore
        self.editedBefore = editedBefore
        self.regionsBefore = regionsBefore
    }

    var operations: [EditOperation] { slots.compactMap { $0 } }

    mutating func read() {
        reference = firstReference()
        var index = 0
        while index < tokens.count {
            if Self.number(tokens[index]) != nil, index + 1 < tokens.count, tokens[index + 1] == "s" {
                // "70s", "1980s": a decade's look.
                apply(PromptLexicon.decadeLook)
                index += 2
                continue
            }
            // "1080x1350": a size, read as its ratio.
            if let width = Self.number(tokens[index]), index + 2 < tokens.count, tokens[index + 1] == "x",
               let height = Self.number(tokens[index + 2]), width >= 16, height >= 16 {
                apply([EffectTerm(.aspect, width / height)])
                index += 3
                continue
            }
            if let number = Self.number(tokens[index]) {
                var unit: NumberUnit?
                if case .unit(let u)? = lexicon.match(tokens, at: index + 1)?.meaning {
                    unit = u
                }
                read(PromptNumber(value: number, unit: unit, signed: tokens[index].first == "+" || tokens[index].first == "-"))
                index += unit == nil ? 1 : 2
                continue
            }
            if let ratio = Self.ratio(tokens[index]) {
                apply([EffectTerm(.aspect, ratio)])
                index += 1
                continue
            }
            guard let (meaning, length) = lexicon.match(tokens, at: index) else {
                unknownInSubClause = true
                unknownWordsInSubClause += 1
                skipWord()
                index += 1
                continue
            }
            switch meaning {
            case .separator:
                endSubClause(at: index)
                subClauseStart = index + length
            case .effect(var terms, let placement):
                if allows(placement, after: index + length) {
                    // "photo very dark", "foto muy oscura": the picture described, a fault.
                    if describesAFault(tokens[index..<(index + length)].joined(separator: " "), at: index) {
                        pending.add(polarity: .state)
                    }
                    let states = effectsInSubClause == 0 && !pending.hasPolarity && pending.number == nil
                        && placement != .correcting
                        && PromptLexicon.complaintStates.contains(tokens[index..<(index + length)].joined(separator: " "))
                    // "less washed out": the modifier acts on the fault the word names.
                    let facesFault = pending.hasPolarity && placement == .correcting
                    if facesFault { terms = terms.map { EffectTerm($0.kind, -$0.weight) } }
                    apply(terms, correcting: placement == .correcting && !facesFault)
                    if states { bareState = last?.slots }
                } else {
                    // Known, but not asked for here ("controlled shadows", "level the horizon"):
                    // the sub-clause is reported if nothing else in it is done.
                    unknownInSubClause = true
                    // "straighten" without an angle; "turn it" without one is no rotation at all.
                    if terms.contains(where: { $0.kind == .rotate && abs($0.weight) < 90 }),
                       !unsupportedReasons.contains(PromptLexicon.tiltReason) {
                        unsupportedReasons.append(PromptLexicon.tiltReason)
                    }
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
            case .polarity(.excess) where length == 1 && tokens[index] == "too" && endsSubClause(after: index + length):
                // "a bit of sharpening would help too": "too" last is "as well".
                skipWord()
            case .polarity(let polarity):
                pending.add(polarity: polarity)
                polarityInSubClause = true
            case .trailingPolarity(let polarity):
                polarityInSubClause = true
                // "彩度を下げて": the verb follows its object and qualifies it at once,
                // never the next effect; with no effect before, it waits like any modifier.
                if var last {
                    var trailing = pending
                    trailing.add(polarity: polarity)
                    last.faceFault()
                    last.modifiers.absorb(trailing)
                    recompute(last)
                    pending = PendingModifiers()
                } else {
                    pending.add(polarity: polarity)
                }
            case .restraint:
                polarityInSubClause = true
                restrained = true
                restraintInSubClause = true
            case .unsupported(let reason):
                if !unsupportedReasons.contains(reason) { unsupportedReasons.append(reason) }
                regionTokens.formUnion(index..<(index + length))
                skipWord()
            case .region(let need):
                if !namesThePictureContent(at: index), !regionNeeds.contains(need) { regionNeeds.append(need) }
                regionTokens.formUnion(index..<(index + length))
                skipWord()
            case .rotationDirection(let direction):
                if var last, last.terms.contains(where: { $0.kind == .rotate }), last.modifiers.rotation == 1 {
                    last.modifiers.rotation = direction
                    recompute(last)
                } else {
                    pending.rotation = direction
                }
            case .pictureNoun:
                pictureNounInSubClause = true
                skipWord()
            case .filler, .reference, .unit:
                skipWord()
            }
            index += length
        }
        endSubClause(at: tokens.count)
    }

    /// "a photo of my dog", "this portrait of her": what the whole picture shows, not a part
    /// of it. ("The colours of the sky" is a part: colours are not a picture.)
    private func namesThePictureContent(at index: Int) -> Bool {
        // "dog photo", "food pic", "猫の写真": the kind of photo, not a part of it.
        if index + 1 < tokens.count, PromptLexicon.photoNouns.contains(tokens[index + 1]) { return true }
        if index + 2 < tokens.count, ["の", "的"].contains(tokens[index + 1]), PromptLexicon.photoNouns.contains(tokens[index + 2]) {
            return true
        }
        var before = index - 1
        while before >= 0, Self.determiners.contains(tokens[before]) { before -= 1 }
        guard before >= 1, tokens[before] == "of" else { return false }
        return PromptLexicon.photoNouns.contains(tokens[before - 1])
    }

    private static let determiners: Set<String> = ["the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that"]

    /// "16:9" as 16 / 9; nil for anything else, a zero term included.
    static func ratio(_ token: String) -> Double? {
        let terms = token.split(separator: ":", omittingEmptySubsequences: false)
        guard terms.count == 2, let width = Double(terms[0]), let height = Double(terms[1]),
              width > 0, height > 0 else { return nil }
        return width / height
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
        case .anywhere, .correcting:
            return true
        case .describingPicture:
            // The adjective ends the clause or is followed by something the lexicon knows.
            return index >= tokens.count || lexicon.match(tokens, at: index) != nil
        case .needsModifier:
            // "highlights -20%", "straighten the horizon by 3 degrees": a number close after counts too.
            return !pending.isEmpty || tokens[index..<min(index + 4, tokens.count)].contains { Self.number($0) != nil }
        case .needsReference:
            return reference != nil
        }
    }

    private mutating func apply(_ terms: [EffectTerm], correcting: Bool = false) {
        let start = slots.count
        slots += terms.map { _ in nil }
        let application = Application(
            terms: terms, slots: start..<slots.count, modifiers: pending, reference: reference, correcting: correcting)
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

    /// A fault adjective after a degree word ("very", "a bit", "muy", "sehr"), with no
    /// modifier of direction and no verb of an edit before it, after a noun for the photo
    /// ("photo very dark", "foto un poco oscura") or alone: a cast with any degree ("a bit
    /// green"), and strongly said, the words that are rarely wishes ("very blurry", "muy
    /// oscura"; "a little blurry" asks for a little blur).
    private func describesAFault(_ phrase: String, at index: Int) -> Bool {
        guard pending.hasIntensity, !pending.hasPolarity, PromptLexicon.describedFaults.contains(phrase) else { return false }
        let before = tokens[subClauseStart..<index]
        // "muito mais clara" compares: a wish.
        guard !before.contains(where: { PromptLexicon.verbsOfANewEdit.contains($0) || Self.comparatives.contains($0) }) else {
            return false
        }
        // A cast said with any degree describes ("a bit green", "kinda yellowish"): more of
        // one is asked with "more" or "add".
        return before.contains(where: PromptLexicon.photoNouns.contains) || PromptLexicon.castsSaidAlone.contains(phrase)
            || (pending.intensity >= 1.25 && PromptLexicon.faultsSaidAlone.contains(phrase))
    }

    private static let comparatives: Set<String> = ["more", "mas", "mais", "plus", "mehr", "更", "もっと"]

    private mutating func endSubClause(at end: Int) {
        // "brighten it a lot": an intensity after the effect, with nothing else to qualify;
        // "the contrast is too strong": a complaint after it reverses it.
        if pending.hasIntensity && !pending.hasPolarity, var last, !last.modifiers.hasIntensity {
            last.modifiers.add(intensity: pending.intensity)
            recompute(last)
        } else if pending.hasPolarity, var last, !last.modifiers.hasPolarity {
            last.faceFault()
            last.modifiers.absorb(pending)
            recompute(last)
        }
        // "too much contrast and (very) saturated": the second state is the same complaint.
        if complaintBefore, var state = last, state.slots == bareState, effectsInSubClause == 1, !polarityInSubClause,
           !unknownInSubClause {
            state.modifiers.add(polarity: .excess)
            recompute(state)
        }
        // A complaint, or a fault stated ("it is very blue"), which a bare state after it continues.
        if effectsInSubClause > 0 { complaintBefore = last.map { $0.modifiers.isComplaint || $0.correcting } ?? false }
        endsInComplaint = complaintBefore
        let words = tokens[subClauseStart..<max(subClauseStart, end)]
        let phrase = words.joined(separator: " ")
        // "too dark, fix it": the fix asked for is the correction already planned.
        let fixesComplaint = effectsInSubClause == 0 && (complaintBefore || editedBefore || slots.contains { $0 != nil })
            && words.contains(where: PromptLexicon.fixWords.contains)
            && words.allSatisfy { PromptLexicon.fixWords.contains($0) || ["that", "them", "those"].contains($0) || isFillerOrPicture($0) }
        // "enhance", "improve it": a word of improvement with nothing named asks for the
        // general enhancement ("enhance the contrast" names what to enhance).
        if !fixesComplaint, effectsInSubClause == 0, !pending.isNegated, words.contains(where: PromptLexicon.improvementWords.contains),
           words.allSatisfy({ PromptLexicon.improvementWords.contains($0) || isFillerOrPicture($0) }) {
            pending = PendingModifiers()
            apply(PromptLexicon.enhancement)
        }
        // "make" and "give" also start global edits ("make the cat brighter"): with a region
        // named they do not make the request generative.
        let generative = zip(words.indices, words).contains { index, word in
            !regionTokens.contains(index) && lexicon.generativeTriggers.contains(word)
                && (regionNeeds.isEmpty || !PromptLexicon.verbsOfANewEdit.contains(word))
        }
        // Noise is removed everywhere: "the noise in the sky" is the picture's noise.
        let onlyDenoise = slots[subClauseSlots...].compactMap { $0 }.allSatisfy {
            $0.kind == .denoise || ($0.kind == .grain && $0.value <= 0)
        }
        // "her face is too dark, | brighten it": "it" is the part just named, not the picture.
        let namesThePicture = pictureNounInSubClause && words.contains { word in
            !["it", "them"].contains(word) && lexicon.match([word], at: 0).map { if case .pictureNoun = $0.meaning { true } else { false } } == true
        }
        // Across clauses only a pronoun refers back: "blur the background, more contrast" is
        // about the picture.
        let carried = !previousRegionNeeds.isEmpty ? previousRegionNeeds
            : words.contains(where: { ["it", "them"].contains($0) }) ? regionsBefore : []
        if regionNeeds.isEmpty, !carried.isEmpty, effectsInSubClause > 0, words.count <= 3,
           !namesThePicture, !words.contains(where: { PromptLexicon.verbsOfANewEdit.contains($0) }) {
            regionNeeds = carried
        }
        // "less vignette": a look the engine only adds, asked away; the plan drops it below
        // zero (after it has cancelled the same look asked for earlier), which is said.
        // Degrees and factors have their own signs: "rotate left" is -90, no removal.
        let removals = slots[subClauseSlots...].compactMap { $0 }.filter {
            $0.kind.value == .strength && !$0.kind.isSigned && $0.value < 0
        }
        let onlyRemovals = !removals.isEmpty && removals.count == operationsInSubClause && !(last?.modifiers.isNegated ?? false)
        if fixesComplaint {
            // Done by the clause before.
        } else if restraintInSubClause && effectsInSubClause == 0 && !unknownInSubClause {
            // "don't overdo it" softens the rest; with nothing else asked it is said.
            contextPhrases.append("\(phrase): nothing to hold back, no other edit was asked for")
        } else if onlyRemovals && regionNeeds.isEmpty {
            let looks = Array(Set(removals.map(\.kind.rawValue))).sorted().joined(separator: ", ")
            notApplied.append("\(phrase): the classic engine adds \(looks) but does not take away what the photo has")
        } else if !unsupportedReasons.isEmpty && operationsInSubClause == 0 {
            notApplied.append("\(phrase): " + unsupportedReasons.joined(separator: "; "))
        } else if !regionNeeds.isEmpty && effectsInSubClause > 0 && onlyDenoise && operationsInSubClause > 0 {
            // Applied to the whole frame, as the plan shows.
        } else if !regionNeeds.isEmpty && (effectsInSubClause > 0 || !generative) {
            // Never applied to the whole frame: what was read is dropped and reported.
            for slot in subClauseSlots..<slots.count { slots[slot] = nil }
            notApplied.append("\(phrase): \(Self.regionReason(regionNeeds))")
        } else if effectsInSubClause == 0 && generative && words.contains(where: isNegation) {
            // "don't change the colours": a limit, which the engine keeps by doing only what
            // is asked; said so rather than called a generative edit.
            notApplied.append("\(phrase): \(PromptLexicon.keptLimitReason)")
        } else if effectsInSubClause == 0 && generative && !restraintInSubClause {
            notApplied.append("\(phrase): \(PromptLexicon.generativeReason)")
            generativeReport = (notApplied.count - 1, subClauseStart)
        } else if effectsInSubClause == 0 && !restraintInSubClause && unknownInSubClause {
            if let report = generativeReport, report.entry == notApplied.count - 1 {
                // "replace the background | with a beach": the rest of the same request.
                notApplied[report.entry] = tokens[report.start..<end].joined(separator: " ") + ": " + PromptLexicon.generativeReason
            } else if !polarityInSubClause, words.count <= 6,
                      [words.first, words.dropFirst().first, words.last].contains(where: { $0.map(PromptLexicon.photoNouns.contains) == true }) {
                // "kitchen photo", "product shot for my shop": what the photo is, said for
                // context, a noun for it at either end; reported only if nothing else is done
                // (`contextPhrases`). "rendi la foto più calda" asks something: reported.
                contextPhrases.append("\(phrase): not understood by the classic engine")
            } else {
                // Mostly unknown words: perhaps a language it does not read, which it says.
                let languages = unknownWordsInSubClause * 2 >= words.count ? Self.languagesRead : ""
                notApplied.append("\(phrase): not understood by the classic engine" + languages)
            }
        } else if effectsInSubClause == 0 && !restraintInSubClause && (pending.hasPolarity || pending.hasIntensity) {
            // Words of change with nothing to change ("more", "intensify"): said,
            // not dropped.
            notApplied.append("\(phrase): not understood by the classic engine")
        } else {
            generativeReport = nil
        }
        pending = PendingModifiers()
        effectsInSubClause = 0
        subClauseSlots = slots.count
        previousRegionNeeds = regionNeeds
        endsWithRegions = regionNeeds
        regionNeeds = []
        unsupportedReasons = []
        pictureNounInSubClause = false
        restraintInSubClause = false
        unknownInSubClause = false
        polarityInSubClause = false
        unknownWordsInSubClause = 0
        bareState = nil
        last = nil
    }


    private func endsSubClause(after index: Int) -> Bool {
        guard index < tokens.count else { return true }
        if case .separator? = lexicon.match(tokens, at: index)?.meaning { return true }
        return false
    }

    private func isNegation(_ word: String) -> Bool {
        if case .polarity(.negate)? = lexicon.match([word], at: 0)?.meaning { true } else { false }
    }

    private func isFillerOrPicture(_ word: String) -> Bool {
        switch lexicon.match([word], at: 0)?.meaning {
        case .filler?, .pictureNoun?: true
        default: false
        }
    }

    static let languagesRead = " (it reads English, Chinese, Spanish, French, German, Japanese and Portuguese)"

    /// Operations the sub-clause has produced so far (negated ones produce none).
    private var operationsInSubClause: Int { slots[subClauseSlots...].compactMap { $0 }.count }

    /// "needs a mask of the skin: …"; a pronoun's person gives way to a named part ("her
    /// face"), masks are named together ("a mask of the coffee and the cup"), and a depth
    /// map covers every mask.
    private static func regionReason(_ needs: [String]) -> String {
        let mask = "a mask of "
        let person = mask + "the person"
        var named = needs.count > 1 ? needs.filter { $0 != person } : needs
        if let depth = named.first(where: { !$0.hasPrefix(mask) }) {
            named = [depth]
        }
        let parts = named.map { $0.hasPrefix(mask) ? String($0.dropFirst(mask.count)) : $0 }
        let list = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "") : (parts.first ?? "")
        let need = named.first?.hasPrefix(mask) == true ? mask + list : list
        return "needs " + need + " (the classic engine edits the whole frame; the diffusion engine can edit one part)"
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
