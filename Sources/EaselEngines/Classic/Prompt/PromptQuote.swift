/// Finds the words of a prompt that a phrase read from it came from, so that `not_applied`
/// quotes what the user wrote ("zrób zdjęcie jaśniejsze"), not the folded, lowercased
/// tokens the reader works on ("zrob zdjecie jasniejsze").
struct PromptQuote {
    private let original: [Character]
    /// The prompt folded as the reader folds it, each character remembering its origin.
    private let folded: [Character]
    private let origin: [Int]

    init(_ prompt: String) {
        original = Array(prompt)
        var folded: [Character] = []
        var origin: [Int] = []
        for (index, character) in original.enumerated() {
            for piece in PromptFolding.folded(String(character)).lowercased() {
                folded.append(piece)
                origin.append(index)
            }
        }
        self.folded = folded
        self.origin = origin
    }

    /// `entry` is a phrase of tokens, with a reason after ": " or not. When the tokens occur
    /// in the prompt in order, separated only by what is not a letter or digit (or as the
    /// contraction the reader spelled out: "it's" for "it is"), the phrase is replaced by
    /// that stretch of the prompt; otherwise the entry is returned as it is.
    func restored(_ entry: String) -> String {
        let (phrase, reason) = Self.split(entry)
        let tokens = phrase.split(separator: " ").map { Array($0) }
        guard !tokens.isEmpty else { return entry }
        for start in folded.indices where Self.starts(folded, at: start, with: tokens[0]) {
            if start > 0, Self.isWordCharacter(folded[start - 1]), !WritingScript(folded[start]).isCJK { continue }
            guard let end = Self.matchedEnd(folded, from: start, tokens: tokens) else { continue }
            let quote = String(original[origin[start]...origin[end - 1]])
            return reason.map { "\(quote): \($0)" } ?? quote
        }
        return entry
    }

    private static func split(_ entry: String) -> (String, String?) {
        guard let colon = entry.range(of: ": ") else { return (entry, nil) }
        return (String(entry[..<colon.lowerBound]), String(entry[colon.upperBound...]))
    }

    /// Where the last token ends when every token follows the one before it.
    private static func matchedEnd(_ folded: [Character], from start: Int, tokens: [[Character]]) -> Int? {
        var position = start + tokens[0].count
        for token in tokens.dropFirst() {
            // The reader spells contractions out: "it's" is "it is", "don't" is "do not".
            if let tail = contractions[String(token)]?.first(where: { starts(folded, at: position, with: Array($0)) }) {
                position += tail.count
                continue
            }
            while position < folded.count, !isWordCharacter(folded[position]) { position += 1 }
            guard starts(folded, at: position, with: token) else { return nil }
            position += token.count
        }
        if position < folded.count, isWordCharacter(folded[position]), !WritingScript(folded[position - 1]).isCJK {
            return nil
        }
        return position
    }

    private static let contractions: [String: [String]] = [
        "is": ["'s", "\u{2019}s"], "are": ["'re", "\u{2019}re"], "am": ["'m", "\u{2019}m"],
        "will": ["'ll", "\u{2019}ll"], "have": ["'ve", "\u{2019}ve"], "not": ["n't", "n\u{2019}t"],
    ]

    private static func starts(_ folded: [Character], at start: Int, with token: [Character]) -> Bool {
        start + token.count <= folded.count && Array(folded[start..<(start + token.count)]) == token
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
