/// Whether an effect word applies wherever it stands.
enum EffectPlacement: Sendable, Equatable {
    /// Verbs, comparatives and nouns ("darken", "warmer", "contrast").
    case anywhere
    /// Plain adjectives ("dark", "warm") that apply only when they describe the picture:
    /// followed by the end of a clause, a separator, a picture noun or another effect.
    /// "a dark blazer" describes clothing and is ignored.
    case describingPicture
}
