extension PromptLexicon {
    /// The vocabulary of the languages read besides English: Chinese, Spanish, French,
    /// German, Japanese and Portuguese. Latin-script words are in folded form (no accents,
    /// see `PromptFolding`); Chinese and Japanese words are segmented (see `TokenSegmenter`).
    static let languageWords: [(String, LexiconMeaning)] =
        chineseWords + japaneseWords + spanishWords + frenchWords + germanWords + portugueseWords

    static let languageTriggers: Set<String> =
        chineseTriggers.union(japaneseTriggers).union(spanishTriggers).union(frenchTriggers)
            .union(germanTriggers).union(portugueseTriggers).union(languageParts.flatMap(\.words))

    /// Words that start an edit of their own, so that a short sub-clause with one is not the
    /// follow-on of a region named before it ("hazla más cálida", "mach es heller", "让它更亮").
    static let verbsOfANewEdit: Set<String> = [
        "add", "make", "apply", "give", "put", "use", "then",
        "haz", "hazla", "hazlo", "ponla", "ponlo", "pon", "dale", "luego",
        "rends", "rendez", "fais", "faites", "mets", "puis", "ensuite",
        "mach", "mache", "macht", "dann",
        "deixe", "deixa", "faca", "torne", "depois",
        "让", "把", "然后", "再",
    ]

    /// Each state ("washed out", "sobreexpuesta"), bare and after each word of excess and
    /// copula ("demasiado apagado", "está apagada", "sind zu blass"), to one meaning: a
    /// state's meaning is already its correction, which a complaint of it must not reverse.
    static func states(
        _ words: [String], excess: [String], copulas: [String], _ meaning: LexiconMeaning
    ) -> [(String, LexiconMeaning)] {
        let prefixes = excess + copulas + copulas.flatMap { copula in excess.map { "\(copula) \($0)" } }
        // A state's meaning is its correction ("menos apagada" corrects it too).
        let correction = meaning.asCorrection
        return words.flatMap { word in [(word, correction)] + prefixes.map { ("\($0) \(word)", correction) } }
    }
}
