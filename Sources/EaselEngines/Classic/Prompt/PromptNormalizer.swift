import Foundation

/// Turns a prompt into clauses of lowercase word tokens.
///
/// Clauses end at sentence punctuation, commas, colons, brackets and dashes; splitting at
/// "and"/"but" happens later, after phrases like "black and white" have been matched.
/// Hyphens, slashes and "&" separate words, so "high-contrast" is "high contrast", "b&w"
/// is "b and w" and "b/w" is "b w" (both lexicon phrases).
enum PromptNormalizer {
    /// The prompt's clauses, each a non-empty list of tokens.
    static func clauses(of prompt: String) -> [[String]] {
        let text = prompt.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "n't", with: " not")
            .replacingOccurrences(of: "&", with: " and ")

        var clauses: [[String]] = []
        var tokens: [String] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { tokens.append(word) }
            word = ""
        }
        func endClause() {
            endWord()
            if !tokens.isEmpty { clauses.append(tokens) }
            tokens = []
        }
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if clauseBreaks.contains(character) {
                endClause()
            } else {
                // Spaces, hyphens, apostrophes, quotes, slashes.
                endWord()
            }
        }
        endClause()
        return clauses
    }

    private static let clauseBreaks: Set<Character> = [
        ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "\n", "\u{2014}", "\u{2013}", "|",
    ]
}
