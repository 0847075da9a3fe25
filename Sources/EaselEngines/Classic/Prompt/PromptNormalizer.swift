import Foundation

/// Turns a prompt into clauses of lowercase word tokens.
///
/// Clauses end at sentence punctuation, commas, colons, semicolons, brackets and dashes;
/// splitting at "and"/"but" happens later, after phrases like "black and white" have been
/// matched. Hyphens, slashes and "&" separate words, so "high-contrast" is "high contrast",
/// "b&w" is "b and w" and "b/w" is "b w". Numbers keep their sign and decimals ("+20",
/// "-0.5", "1.25"); "%" becomes the word "percent", "°" "degrees", and a number written
/// against a word is split from it ("2x" is "2 x", "90deg" is "90 deg"). A ratio stays one
/// token ("16:9").
enum PromptNormalizer {
    /// The prompt's clauses, each a non-empty list of tokens.
    static func clauses(of prompt: String) -> [[String]] {
        let text = Array(PromptFolding.folded(prompt).lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "n't", with: " not")
            // Contractions spelled out, so that quoted phrases read whole ("it is too dark").
            .replacingOccurrences(of: #"\b(it|that|what|there|here|he|she)'s\b"#, with: "$1 is", options: .regularExpression)
            .replacingOccurrences(of: #"'re\b"#, with: " are", options: .regularExpression)
            .replacingOccurrences(of: #"'m\b"#, with: " am", options: .regularExpression)
            .replacingOccurrences(of: #"'ll\b"#, with: " will", options: .regularExpression)
            .replacingOccurrences(of: #"'ve\b"#, with: " have", options: .regularExpression)
            .replacingOccurrences(of: "&", with: " and ")
            .replacingOccurrences(of: "\u{2212}", with: "-"))

        var clauses: [[String]] = []
        var tokens: [String] = []
        var word = ""
        var wordIsNumber = false
        func endWord() {
            if !word.isEmpty { tokens.append(word) }
            word = ""
            wordIsNumber = false
        }
        func endClause() {
            endWord()
            if !tokens.isEmpty { clauses.append(tokens) }
            tokens = []
        }
        for (index, character) in text.enumerated() {
            let next = index + 1 < text.count ? text[index + 1] : " "
            // Han numerals (一, 十) are letters here: "一点" is a word, not a number.
            if character.isNumber && !WritingScript(character).isCJK {
                if !wordIsNumber && !word.isEmpty { endWord() }
                word.append(character)
                wordIsNumber = true
            } else if character.isLetter {
                // Han and kana runs are words of their own, segmented later by the lexicon.
                if let previous = word.last, !wordIsNumber, WritingScript(previous).isCJK != WritingScript(character).isCJK {
                    endWord()
                }
                // "2nd", "3rd" stay ordinals; "2x", "90deg" split.
                let ordinal = wordIsNumber && ["st", "nd", "rd", "th"].contains(String(character) + String(next))
                if wordIsNumber && !ordinal { endWord() }
                word.append(character)
                if ordinal { wordIsNumber = false }
            } else if (character == "+" || character == "-") && word.isEmpty && next.isNumber {
                word.append(character)
                wordIsNumber = true
            } else if (character == "." || character == ",") && wordIsNumber && next.isNumber {
                word.append(".")
            } else if character == ":" && wordIsNumber && next.isNumber && !word.contains(":") {
                // "16:9" is one token, an aspect ratio, not two clauses.
                word.append(":")
            } else if character == "%" || character == "°" || character == "\u{00D7}" {
                endWord()
                tokens.append(character == "%" ? "percent" : character == "°" ? "degrees" : "x")
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

    /// Chinese and Japanese punctuation counts too: full-width forms (，！？：；（）), which
    /// folding turns into the ordinary ones, the ideographic full stop and comma (。、),
    /// corner brackets and the wave dash.
    static let clauseBreaks: Set<Character> = [
        ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "\n", "\u{2014}", "\u{2013}", "|",
        "\u{3002}", "\u{3001}", "\u{FF61}", "\u{FF64}", "\u{300C}", "\u{300D}", "\u{300E}", "\u{300F}",
        "\u{3010}", "\u{3011}", "\u{FF5E}", "\u{301C}", "\u{FF0C}", "\u{FF01}", "\u{FF1F}", "\u{FF1B}",
        "\u{FF1A}", "\u{FF08}", "\u{FF09}",
    ]
}
