extension PromptLexicon {
    /// The vocabulary of the languages read besides English: Chinese, Spanish, French,
    /// German, Japanese and Portuguese. Latin-script words are in folded form (no accents,
    /// see `PromptFolding`); Chinese and Japanese words are segmented (see `TokenSegmenter`).
    static let languageWords: [(String, LexiconMeaning)] =
        chineseWords + japaneseWords + spanishWords + frenchWords + germanWords + portugueseWords

    static let languageTriggers: Set<String> =
        chineseTriggers.union(japaneseTriggers).union(spanishTriggers).union(frenchTriggers)
            .union(germanTriggers).union(portugueseTriggers).union(languageParts.flatMap(\.words))

    /// Each state ("washed out", "sobreexpuesta"), bare and after each word of excess and
    /// copula ("demasiado apagado", "está apagada", "sind zu blass"), to one meaning: a
    /// state's meaning is already its correction, which a complaint of it must not reverse.
    static func states(
        _ words: [String], excess: [String], copulas: [String], _ meaning: LexiconMeaning
    ) -> [(String, LexiconMeaning)] {
        let prefixes = excess + copulas + copulas.flatMap { copula in excess.map { "\(copula) \($0)" } }
        return words.flatMap { word in [(word, meaning)] + prefixes.map { ("\($0) \(word)", meaning) } }
    }
}
