/// When an effect word applies.
enum EffectPlacement: Sendable, Equatable {
    /// Verbs, comparatives and nouns ("darken", "warmer", "contrast").
    case anywhere
    /// Plain adjectives ("dark", "warm") that apply only when they describe the picture:
    /// followed by the end of a clause, a separator, a picture noun or another effect.
    /// "a dark blazer" describes clothing and is ignored.
    case describingPicture
    /// Nouns that only ask for a change with a modifier or a number: "lift the shadows",
    /// "highlights -20%", but not "controlled shadows".
    case needsModifier
    /// Phrases that need an image named in the clause: "the colours of the second image",
    /// but not "the colours of autumn".
    case needsReference
    /// Anywhere, and the terms are the correction of the fault the word names ("washed out"
    /// adds contrast, "sobreexpuesta" darkens): a word of change or complaint before it acts
    /// on the fault, so "less washed out", "too dull" and "menos apagada" correct it as the
    /// bare word does, and "more washed out" asks for the fault.
    case correcting
}
