extension PromptLexicon {
    /// The English vocabulary of the classic engine. Words are in normalised form (see
    /// `PromptNormalizer`): lowercase, "&" as "and", "n't" as " not", hyphens as spaces.
    static let standard = PromptLexicon(
        toneWords + colourWords + styleWords + framingWords + grammarWords
            + regionWords + stateWords + excessStateWords + impressionWords + languageWords + languageRegionWords,
        generativeTriggers: generativeTriggers.union(languageTriggers))

    static func anywhere(_ terms: EffectTerm...) -> LexiconMeaning {
        .effect(terms, placement: .anywhere)
    }

    static func describing(_ terms: EffectTerm...) -> LexiconMeaning {
        .effect(terms, placement: .describingPicture)
    }

    static func withModifier(_ terms: EffectTerm...) -> LexiconMeaning {
        .effect(terms, placement: .needsModifier)
    }

    static func withReference(_ terms: EffectTerm...) -> LexiconMeaning {
        .effect(terms, placement: .needsReference)
    }

    static func correcting(_ terms: EffectTerm...) -> LexiconMeaning {
        .effect(terms, placement: .correcting)
    }

    /// The same meaning for each phrase.
    static func each(_ phrases: [String], _ meaning: LexiconMeaning) -> [(String, LexiconMeaning)] {
        phrases.map { ($0, meaning) }
    }

    /// Every "verb object" phrase, with and without "the" ("lift the shadows", "lift shadows").
    static func combining(_ verbs: [String], _ objects: [String], _ meaning: LexiconMeaning) -> [(String, LexiconMeaning)] {
        verbs.flatMap { verb in objects.flatMap { [("\(verb) \($0)", meaning), ("\(verb) the \($0)", meaning)] } }
    }

    /// Words of edits that need a generative model; a sub-clause with one of these and no
    /// classic effect is reported as not applied.
    private static let generativeTriggers: Set<String> = [
        "remove", "removing", "erase", "erasing", "delete", "add", "adding", "insert", "replace",
        "replacing", "swap", "transform", "transforming", "turn", "change", "changing", "put",
        "place", "generate", "draw", "paint", "restyle", "illustration", "anime", "watercolor",
        "watercolour", "outpaint", "inpaint", "wears", "wearing", "extend", "expand", "make",
        "give", "fix", "retouch", "smile", "smiling", "face", "text", "logo", "background",
        "sky", "clothes", "shirt", "dress", "hair", "person", "people", "man", "woman",
        "colorize", "colourise", "colourize", "colorise", "colorized", "colourised",
    ]
}
