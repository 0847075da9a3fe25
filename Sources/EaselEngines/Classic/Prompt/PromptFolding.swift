import Foundation

/// Folds the ways one word can be written into one form before tokenising: compatibility
/// forms (full-width letters, digits and punctuation such as "，", "！", "２０％"; half-width
/// katakana) become their ordinary forms, and Latin letters lose their diacritics ("más" is
/// "mas", "Sättigung" "sattigung", "ß" "ss"), so a prompt typed without accents reads the
/// same. Only Latin letters are folded: kana voicing marks (が, パ) change the word.
enum PromptFolding {
    static func folded(_ prompt: String) -> String {
        var result = ""
        var word = ""
        func endWord() {
            result += keptAccents.contains(word.lowercased()) ? word : fold(word)
            word = ""
        }
        for character in prompt.precomposedStringWithCompatibilityMapping {
            if WritingScript(character) == .latin {
                word.append(character)
            } else {
                endWord()
                result.append(character)
            }
        }
        endWord()
        return result
    }

    /// Words whose accent carries their meaning: the copula "está" (is) is not "esta" (this).
    static let keptAccents: Set<String> = ["está", "tá"]

    private static func fold(_ word: String) -> String {
        var result = ""
        for character in word {
            if character == "ß" || character == "ẞ" {
                result += "ss"
            } else if !character.isASCII {
                result += String(character).folding(options: .diacriticInsensitive, locale: nil)
            } else {
                result.append(character)
            }
        }
        return result
    }
}
