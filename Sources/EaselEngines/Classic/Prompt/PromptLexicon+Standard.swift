extension PromptLexicon {
    /// The English vocabulary of the classic engine. Words are in normalised form (see
    /// `PromptNormalizer`): lowercase, "&" as "and", "n't" as " not", hyphens as spaces.
    static let standard = PromptLexicon(
        effects + modifiers + structure.map { ($0, .separator) }
            + pictureNouns.map { ($0, .pictureNoun) } + fillers.map { ($0, .filler) },
        generativeTriggers: generativeTriggers)

    private static func anywhere(_ terms: EffectTerm...) -> LexiconMeaning {
        .effect(terms, placement: .anywhere)
    }

    private static func describing(_ terms: EffectTerm...) -> LexiconMeaning {
        .effect(terms, placement: .describingPicture)
    }

    private static let effects: [(String, LexiconMeaning)] = [
        // Brightness and exposure.
        ("brighter", anywhere(.init(.brightness))), ("brighten", anywhere(.init(.brightness))),
        ("brightened", anywhere(.init(.brightness))), ("lighter", anywhere(.init(.brightness))),
        ("lighten", anywhere(.init(.brightness))), ("lightened", anywhere(.init(.brightness))),
        ("brightness", anywhere(.init(.brightness))), ("exposure", anywhere(.init(.brightness))),
        ("bright", describing(.init(.brightness))), ("sunny", describing(.init(.brightness, 0.5))),
        ("darker", anywhere(.init(.brightness, -1))), ("darken", anywhere(.init(.brightness, -1))),
        ("darkened", anywhere(.init(.brightness, -1))), ("dimmer", anywhere(.init(.brightness, -1))),
        ("dim", describing(.init(.brightness, -1))), ("dark", describing(.init(.brightness, -1))),
        ("moody", describing(.init(.brightness, -0.5), .init(.contrast, 0.5))),
        ("low key", anywhere(.init(.brightness, -1), .init(.contrast, 0.5))),
        ("high key", anywhere(.init(.brightness, 1), .init(.contrast, -0.5))),
        // Contrast.
        ("contrast", anywhere(.init(.contrast))), ("contrasty", anywhere(.init(.contrast))),
        ("punchy", describing(.init(.contrast))), ("punchier", anywhere(.init(.contrast))),
        ("dramatic", describing(.init(.contrast))),
        ("flat", describing(.init(.contrast, -1))), ("flatter", anywhere(.init(.contrast, -1))),
        ("faded", describing(.init(.contrast, -0.5), .init(.saturation, -0.5))),
        ("washed out", anywhere(.init(.contrast, -1), .init(.saturation, -0.5))),
        // Saturation.
        ("saturation", anywhere(.init(.saturation))), ("saturated", anywhere(.init(.saturation))),
        ("saturate", anywhere(.init(.saturation))), ("vibrance", anywhere(.init(.saturation))),
        ("vivid", describing(.init(.saturation))), ("vibrant", describing(.init(.saturation))),
        ("colorful", describing(.init(.saturation))), ("colourful", describing(.init(.saturation))),
        ("rich", describing(.init(.saturation, 0.5))), ("richer", anywhere(.init(.saturation, 0.5))),
        ("colors pop", anywhere(.init(.saturation))), ("colours pop", anywhere(.init(.saturation))),
        ("pop", describing(.init(.saturation, 0.5), .init(.contrast, 0.5))),
        ("desaturate", anywhere(.init(.saturation, -1))), ("desaturated", anywhere(.init(.saturation, -1))),
        ("desaturation", anywhere(.init(.saturation, -1))), ("muted", describing(.init(.saturation, -1))),
        ("mute", anywhere(.init(.saturation, -1))), ("dull", describing(.init(.saturation, -0.5))),
        ("duller", anywhere(.init(.saturation, -0.5))), ("pastel", describing(.init(.saturation, -0.5))),
        // Warmth.
        ("warmer", anywhere(.init(.warmth))), ("warmth", anywhere(.init(.warmth))),
        ("warm up", anywhere(.init(.warmth))), ("warm", describing(.init(.warmth))),
        ("golden hour", anywhere(.init(.warmth))), ("golden", describing(.init(.warmth))),
        ("sunset", describing(.init(.warmth))), ("amber", describing(.init(.warmth, 0.5))),
        ("orange tint", anywhere(.init(.warmth))), ("yellow tint", anywhere(.init(.warmth))),
        ("cooler", anywhere(.init(.warmth, -1))), ("cool down", anywhere(.init(.warmth, -1))),
        ("cool", describing(.init(.warmth, -1))), ("cold", describing(.init(.warmth, -1))),
        ("colder", anywhere(.init(.warmth, -1))), ("icy", describing(.init(.warmth, -1))),
        ("cold blue", anywhere(.init(.warmth, -1))), ("cool blue", anywhere(.init(.warmth, -1))),
        ("icy blue", anywhere(.init(.warmth, -1))), ("blue tones", anywhere(.init(.warmth, -1))),
        ("blue tint", anywhere(.init(.warmth, -1))), ("blue cast", anywhere(.init(.warmth, -1))),
        ("bluer", anywhere(.init(.warmth, -1))), ("bluish", describing(.init(.warmth, -0.5))),
        // Black and white.
        ("black and white", anywhere(.init(.monochrome))), ("bw", anywhere(.init(.monochrome))),
        ("b and w", anywhere(.init(.monochrome))), ("b w", anywhere(.init(.monochrome))),
        ("monochrome", anywhere(.init(.monochrome))), ("monochromatic", anywhere(.init(.monochrome))),
        ("grayscale", anywhere(.init(.monochrome))), ("greyscale", anywhere(.init(.monochrome))),
        ("gray scale", anywhere(.init(.monochrome))), ("grey scale", anywhere(.init(.monochrome))),
        ("noir", anywhere(.init(.monochrome), .init(.contrast, 0.5))),
        ("colorless", anywhere(.init(.monochrome))), ("colourless", anywhere(.init(.monochrome))),
        ("no color", anywhere(.init(.monochrome))), ("no colour", anywhere(.init(.monochrome))),
        ("no colors", anywhere(.init(.monochrome))), ("no colours", anywhere(.init(.monochrome))),
        ("without color", anywhere(.init(.monochrome))), ("without colour", anywhere(.init(.monochrome))),
        ("remove the color", anywhere(.init(.monochrome))), ("remove the colour", anywhere(.init(.monochrome))),
        ("sepia", anywhere(.init(.monochrome), .init(.warmth, 1.5))),
    ]

    private static let modifiers: [(String, LexiconMeaning)] =
        [("slightly", 0.5), ("slight", 0.5), ("a bit", 0.5), ("a little", 0.5), ("a little bit", 0.5),
         ("a touch", 0.5), ("a touch of", 0.5), ("a tad", 0.5), ("a hint of", 0.5), ("somewhat", 0.5),
         ("subtle", 0.5), ("subtly", 0.5), ("gently", 0.5), ("gentle", 0.5), ("mild", 0.5),
         ("mildly", 0.5), ("lightly", 0.5), ("barely", 0.5), ("softly", 0.5),
         ("very", 1.5), ("much", 1.5), ("really", 1.5), ("strongly", 1.5), ("a lot", 1.5),
         ("lots", 1.5), ("significantly", 1.5), ("considerably", 1.5), ("noticeably", 1.5),
         ("way", 1.5), ("far", 1.5), ("deeply", 1.5), ("quite", 1.25), ("pretty", 1.25),
         ("extremely", 2), ("super", 2), ("ultra", 2), ("hugely", 2), ("massively", 2),
         ("intensely", 2), ("heavily", 2), ("dramatically", 2), ("drastically", 2),
         ("incredibly", 2), ("insanely", 2), ("totally", 2), ("completely", 2), ("fully", 2)]
        .map { ($0.0, LexiconMeaning.intensity($0.1)) }
        + ["more", "increase", "increased", "boost", "boosted", "raise", "higher", "high", "add",
           "enhance", "enhanced", "strong", "stronger", "extra", "turn up", "crank up", "pump up",
           "heighten", "intensify", "intensified", "bump up", "push", "up the", "plus"]
        .map { ($0, LexiconMeaning.polarity(.increase)) }
        + ["less", "lower", "low", "reduce", "reduced", "decrease", "decreased", "lessen",
           "tone down", "turn down", "dial down", "drop", "weaker", "weak", "minus", "soften",
           "softer", "fewer"]
        .map { ($0, LexiconMeaning.polarity(.decrease)) }
        + ["not", "no", "never", "without", "nor", "avoid"]
        .map { ($0, LexiconMeaning.polarity(.negate)) }

    /// Words that split a clause into independent parts.
    private static let structure = ["and", "but", "while", "whereas", "then", "with", "plus also", "yet", "or"]

    private static let pictureNouns = [
        "image", "images", "photo", "photos", "photograph", "picture", "pic", "shot", "frame",
        "scene", "tones", "tone", "tonality", "look", "feel", "feeling", "mood", "lighting",
        "light", "colors", "colours", "color", "colour", "palette", "atmosphere", "vibe",
        "style", "grade", "grading", "overall", "highlights", "shadows", "hues", "hue", "cast",
        "tint", "aesthetic", "finish", "filter", "effect", "version", "edit", "glow", "everything",
    ]

    private static let fillers = [
        "please", "too", "also", "instead", "now", "again", "enough", "here", "throughout",
        "everywhere", "as", "than", "it", "though",
    ]

    /// Words of edits that need a generative model; a sub-clause with one of these and no
    /// classic effect is reported as not applied.
    private static let generativeTriggers: Set<String> = [
        "remove", "removing", "erase", "erasing", "delete", "add", "adding", "insert", "replace",
        "replacing", "swap", "transform", "transforming", "turn", "change", "changing", "put",
        "place", "generate", "draw", "paint", "restyle", "illustration", "cartoon", "anime",
        "painting", "sketch", "watercolor", "watercolour", "outpaint", "inpaint", "wears",
        "wearing",
    ]
}
