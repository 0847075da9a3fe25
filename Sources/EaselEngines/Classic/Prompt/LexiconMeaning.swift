/// What a word or phrase of the lexicon does in a prompt.
enum LexiconMeaning: Sendable, Equatable {
    /// Changes one or more operation kinds (see `EffectTerm`).
    case effect([EffectTerm], placement: EffectPlacement)
    /// Scales the strength of the effect it qualifies ("slightly" 0.5, "very" 1.5).
    case intensity(Double)
    /// Sets the direction of the next effect (see `Polarity`).
    case polarity(Polarity)
    /// A modifier written after the effect it qualifies (Japanese verbs and endings: 下げ,
    /// すぎる, しないで): it changes the last effect of the sub-clause at once.
    case trailingPolarity(Polarity)
    /// Ends a sub-clause: "and", "but", "with" … Modifiers do not cross it.
    case separator
    /// A word naming the whole picture or its tones ("image", "tones", "lighting"): an
    /// adjective before it describes the picture, not an object in it.
    case pictureNoun
    /// Words that may follow an adjective without making it describe an object ("please").
    case filler
    /// Names an input image by index (1 = the second image).
    case reference(Int)
    /// A unit after a number ("%", "degrees", "x").
    case unit(NumberUnit)
    /// "counterclockwise", "to the left": the direction of a rotation in the same part.
    case rotationDirection(Double)
    /// "don't overdo it", "keep it subtle": every edit of the prompt at half strength.
    case restraint
    /// Names one part of the picture ("the skin", "the sky", "her", "bokeh"): the edits of
    /// its sub-clause need what the text says ("a mask of the skin", "a depth map"), which
    /// the classic engine does not have, so they are reported instead of applied to the
    /// whole frame.
    case region(String)
    /// An edit the engine knows it cannot make from the words alone, with the reason
    /// ("straighten the horizon": the angle is not measured).
    case unsupported(String)
}

extension LexiconMeaning {
    /// The same effect as a correction (`EffectPlacement.correcting`): a state's or a cast's
    /// meaning is its removal, which a complaint of it must not reverse.
    var asCorrection: LexiconMeaning {
        if case .effect(let terms, _) = self { .effect(terms, placement: .correcting) } else { self }
    }
}
