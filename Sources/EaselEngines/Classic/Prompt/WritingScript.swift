/// The writing system of a letter, as far as prompt reading cares: Latin and CJK (Han, kana)
/// are read; any other script (Cyrillic, Arabic, Hangul …) is reported as not read.
enum WritingScript: Equatable {
    case latin
    /// Han characters, hiragana and katakana: written without spaces, segmented by the lexicon.
    case cjk
    /// A script the classic engine does not read, by name ("Cyrillic").
    case unread(String)
    /// Digits, punctuation, spaces and symbols.
    case neutral

    init(_ character: Character) {
        guard let scalar = character.unicodeScalars.first else {
            self = .neutral
            return
        }
        let value = scalar.value
        if Self.cjkRanges.contains(where: { $0.contains(value) }) {
            self = .cjk
        } else if !scalar.properties.isAlphabetic {
            self = .neutral
        } else if value <= 0x024F || (0x1E00...0x1EFF).contains(value) {
            self = .latin
        } else {
            self = .unread(Self.unreadNames.first { $0.range.contains(value) }?.name ?? "a non-Latin")
        }
    }

    var isCJK: Bool { self == .cjk }

    /// Han (with extensions and compatibility forms), hiragana, katakana (with the long
    /// vowel mark and phonetic extensions) and the iteration mark 々.
    private static let cjkRanges: [ClosedRange<UInt32>] = [
        0x3005...0x3007, 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F,
    ]

    private static let unreadNames: [(range: ClosedRange<UInt32>, name: String)] = [
        (0x0370...0x03FF, "Greek"), (0x0400...0x052F, "Cyrillic"), (0x0530...0x058F, "Armenian"),
        (0x0590...0x05FF, "Hebrew"), (0x0600...0x06FF, "Arabic"), (0x0750...0x077F, "Arabic"),
        (0x0900...0x097F, "Devanagari"), (0x0980...0x09FF, "Bengali"), (0x0E00...0x0E7F, "Thai"),
        (0x10A0...0x10FF, "Georgian"), (0x1100...0x11FF, "Hangul"), (0x3130...0x318F, "Hangul"),
        (0xAC00...0xD7AF, "Hangul"), (0xFB50...0xFDFF, "Arabic"), (0xFE70...0xFEFF, "Arabic"),
    ]
}
