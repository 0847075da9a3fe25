/// Words and phrases the prompt interpreter knows, looked up longest phrase first so that
/// "black and white" is one effect, not "black", a separator and "white".
struct PromptLexicon: Sendable {
    private let phrasesByFirstWord: [String: [(words: [String], meaning: LexiconMeaning)]]
    /// Words of edits only a generative engine can make ("remove", "replace", "cartoon").
    let generativeTriggers: Set<String>
    /// Splits Chinese and Japanese text into this lexicon's words.
    let segmenter: TokenSegmenter

    /// `entries` map a phrase of lowercase words separated by single spaces to its meaning.
    init(_ entries: [(String, LexiconMeaning)], generativeTriggers: Set<String> = []) {
        self.generativeTriggers = generativeTriggers
        var table: [String: [(words: [String], meaning: LexiconMeaning)]] = [:]
        for (phrase, meaning) in entries {
            let words = phrase.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            table[first, default: []].append((words, meaning))
        }
        phrasesByFirstWord = table.mapValues { $0.sorted { $0.words.count > $1.words.count } }
        segmenter = TokenSegmenter(words: table.values.joined().flatMap(\.words) + generativeTriggers)
    }

    /// The longest phrase starting at `tokens[index]`, with how many tokens it covers.
    func match(_ tokens: [String], at index: Int) -> (meaning: LexiconMeaning, length: Int)? {
        guard index < tokens.count, let candidates = phrasesByFirstWord[tokens[index]] else { return nil }
        for candidate in candidates where index + candidate.words.count <= tokens.count {
            if Array(tokens[index..<(index + candidate.words.count)]) == candidate.words {
                return (candidate.meaning, candidate.words.count)
            }
        }
        return nil
    }
}
