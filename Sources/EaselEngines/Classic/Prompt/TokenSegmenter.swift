/// Splits Chinese and Japanese words, which are written without spaces, by longest match
/// against the lexicon's words: "把图片调亮一点" is 把 / 图片 / 调 / 亮 / 一点. Characters the
/// lexicon does not know stay together as one word ("这只猫"), so that modifiers reach
/// across them as across one unknown English word.
struct TokenSegmenter: Sendable {
    private let words: Set<String>
    private let longest: Int

    /// `words`: every lexicon word (phrases already split at spaces); only those written in
    /// Han or kana are kept.
    init<Words: Sequence<String>>(words: Words) {
        let cjk = Set(words.filter { $0.contains { WritingScript($0).isCJK } })
        self.words = cjk
        self.longest = cjk.map(\.count).max() ?? 0
    }

    /// The token itself, or its words when it is written in Han or kana.
    func split(_ token: String) -> [String] {
        guard let first = token.first, WritingScript(first).isCJK else { return [token] }
        let characters = Array(token)
        var result: [String] = []
        var unknown = ""
        var index = 0
        while index < characters.count {
            var length = min(longest, characters.count - index)
            while length > 0 && !words.contains(String(characters[index..<(index + length)])) {
                length -= 1
            }
            if length == 0 {
                unknown.append(characters[index])
                index += 1
                continue
            }
            if !unknown.isEmpty {
                result.append(unknown)
                unknown = ""
            }
            result.append(String(characters[index..<(index + length)]))
            index += length
        }
        if !unknown.isEmpty { result.append(unknown) }
        return result
    }

    /// A phrase of tokens as text: CJK words joined without the spaces put between tokens.
    static func joined(_ phrase: String) -> String {
        var result = ""
        let characters = Array(phrase)
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, index + 1 < characters.count,
               WritingScript(characters[index - 1]).isCJK, WritingScript(characters[index + 1]).isCJK {
                continue
            }
            result.append(character)
        }
        return result
    }
}
