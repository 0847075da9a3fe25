/// A stretch of a prompt: text the interpreter reads, or words in a script it does not
/// read, kept verbatim to be reported whole.
enum PromptSegment: Equatable {
    case readable(String)
    case unread(String, script: String)

    /// The prompt cut around runs of unread words. Within each clause (text between clause
    /// breaks, see `PromptNormalizer`) a run spans from the first to the last word that has
    /// a letter of an unread script, so "сделай ярче и теплее" is one run, quoted whole,
    /// and "make it brighter, сделай теплее" reads its first clause.
    static func split(_ prompt: String) -> [PromptSegment] {
        var segments: [PromptSegment] = []
        var cursor = prompt.startIndex
        var clauseStart = prompt.startIndex
        func readClause(upTo end: String.Index) {
            var first: String.Index?
            var last: String.Index?
            var script = ""
            var wordStart: String.Index?
            var wordIsUnread = false
            var index = clauseStart
            while index <= end {
                let atEnd = index == end
                let character = atEnd ? " " : prompt[index]
                if character.isWhitespace {
                    if let start = wordStart, wordIsUnread {
                        if first == nil { first = start }
                        last = index
                    }
                    wordStart = nil
                    wordIsUnread = false
                } else {
                    if wordStart == nil { wordStart = index }
                    if case .unread(let name) = WritingScript(character) {
                        if first == nil && !wordIsUnread { script = name }
                        wordIsUnread = true
                    }
                }
                if atEnd { break }
                index = prompt.index(after: index)
            }
            guard let first, let last else { return }
            if cursor < first { segments.append(.readable(String(prompt[cursor..<first]))) }
            segments.append(.unread(String(prompt[first..<last]), script: script))
            cursor = last
        }
        var index = prompt.startIndex
        while index < prompt.endIndex {
            if PromptNormalizer.clauseBreaks.contains(prompt[index]) {
                readClause(upTo: index)
                clauseStart = prompt.index(after: index)
            }
            index = prompt.index(after: index)
        }
        readClause(upTo: prompt.endIndex)
        if cursor < prompt.endIndex { segments.append(.readable(String(prompt[cursor...]))) }
        return segments
    }
}
