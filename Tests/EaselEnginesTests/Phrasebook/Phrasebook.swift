/// Prompts as people write them in the languages the classic engine reads, each with the
/// canonical plan it must give (see `EditPlan.description`). Accents, case and full-width
/// punctuation vary on purpose.
enum Phrasebook {
    static let languages: [(name: String, entries: [(String, String)])] = [
        ("Chinese", chinese), ("Japanese", japanese), ("Spanish", spanish), ("French", french),
        ("German", german), ("Portuguese", portuguese), ("English and mixed", english),
    ]

    static var count: Int { languages.map(\.entries.count).reduce(0, +) }
}
