extension PromptLexicon {
    /// Faults stated in English ("the photo is dark", "it looks a bit blurry", "the colours
    /// are faded"): each maps to its correction, scaled by the softener or intensifier between
    /// the copula and the word. Only words that name a fault are read this way; "the light is
    /// warm" describes a wish as often as a fault, and is left to the other rules. Bare "look"
    /// and "seem" are not copulas here: "make it look dark" asks for darkness.
    static let stateWords: [(String, LexiconMeaning)] =
        faults.flatMap { words, correction in
            words.flatMap { word in
                stateCopulas.flatMap { copula in
                    stateDegrees.map { degree, factor in
                        let phrase = [copula, degree, word].filter { !$0.isEmpty }.joined(separator: " ")
                        let terms = correction.map { EffectTerm($0.kind, $0.weight * factor) }
                        return (phrase, LexiconMeaning.effect(terms, placement: .correcting))
                    }
                }
            }
        }

    /// Too much of something, stated with a degree word ("it is very saturated", "the photo
    /// is a bit bright"): a complaint, corrected like "too". Without a degree word ("the sky
    /// is bright") such a word describes as often as it complains, and is left alone.
    static let excessStateWords: [(String, LexiconMeaning)] =
        excesses.flatMap { words, correction in
            words.flatMap { word in
                stateCopulas.flatMap { copula in
                    stateDegrees.filter { !$0.0.isEmpty }.map { degree, factor in
                        let terms = correction.map { EffectTerm($0.kind, $0.weight * factor) }
                        return ("\(copula) \(degree) \(word)", LexiconMeaning.effect(terms, placement: .correcting))
                    }
                }
            }
        }

    /// State words that continue a complaint joined to them: "too dark and saturated" is too
    /// saturated as well, "it is too much contrast, very saturated" too. The words people
    /// use for a picture's faults and excesses; comparatives ("warmer") and verbs
    /// ("saturate") ask for something, and are not among them.
    static let complaintStates: Set<String> = Set(
        (faults + excesses).flatMap(\.words) + [
            "saturated", "bright", "light", "warm", "cold", "cool", "sharp", "contrasty", "vivid", "colorful",
            "colourful", "dark", "blurry", "noisy", "grainy", "red", "reddish", "cyan", "pale",
        ])

    /// Adjectives of a fault that, said of the photo with a degree word and no verb ("photo
    /// very dark", "foto muy oscura", "Bild sehr unscharf"), describe it: a complaint.
    static let describedFaults: Set<String> = [
        "dark", "dim", "blurry", "blurred", "fuzzy", "grainy", "yellow", "yellowish", "orange", "blue", "bluish",
        "green", "greenish", "pink", "magenta", "red", "reddish", "bright", "saturated", "contrasty", "warm", "cold",
        "purple", "pinkish", "verde", "verdes", "vert", "verte", "grunlich", "bleute", "esverdeado",
        "oscura", "oscuro", "borrosa", "borroso", "desenfocada", "desenfocado", "amarilla", "amarillo", "amarillenta",
        "azulada", "azul", "verdosa", "rosada", "clara", "claro", "brillante", "saturada", "saturado", "granulada",
        "calida", "fria", "rojiza",
        "sombre", "floue", "flou", "jaune", "jaunatre", "bleue", "bleutee", "verte", "verdatre", "claire", "clair",
        "saturee", "sature", "granuleuse", "chaude", "froide", "lumineuse",
        "dunkel", "unscharf", "verschwommen", "gelb", "gelblich", "blau", "blaulich", "grun", "grunlich", "hell",
        "gesattigt", "kornig", "warm", "kalt",
        "escura", "escuro", "desfocada", "desfocado", "borrada", "amarela", "amarelada", "azulada", "esverdeada",
        "clara", "saturada", "granulada", "quente", "rosada",
    ]

    /// Of those, the ones said alone as a complaint ("very blurry"); in Spanish, Portuguese
    /// and French the feminine agrees with the photo ("muy oscura": la foto), and German
    /// asks with the comparative ("dunkler"), so the plain form describes.
    static let faultsSaidAlone: Set<String> = [
        "blurry", "blurred", "fuzzy",
        "oscura", "borrosa", "desenfocada", "amarilla", "amarillenta", "clara",
        "floue", "jaunatre",
        "dunkel", "hell", "unscharf", "verschwommen", "gelblich",
        "escura", "desfocada", "borrada", "amarela", "amarelada",
    ]

    /// Casts named by their colour: said with a degree word and nothing else ("a bit green",
    /// "un peu jaune", "etwas gelb"), a cast the photo has.
    static let castsSaidAlone: Set<String> = [
        "green", "greenish", "yellow", "yellowish", "magenta", "pink", "pinkish", "purple", "blue", "bluish", "orange",
        "verde", "verdosa", "amarilla", "amarillo", "amarillenta", "azulada", "vert", "verte", "verdatre", "jaune",
        "jaunatre", "bleute", "bleutee", "grun", "grunlich", "gelb", "gelblich", "blaulich", "esverdeada", "amarela",
        "amarelada",
    ]

    /// Nouns for the photo itself (not its mood or look, which a wish describes).
    static let photoNouns: Set<String> = [
        "photo", "picture", "image", "pic", "shot", "scan", "foto", "imagen", "fotografia", "bild", "aufnahme",
        "imagem", "photos", "pictures", "images", "shots", "fotos", "bilder", "interior", "portrait", "selfie", "headshot",
        "photograph", "snapshot", "写真", "照片", "图片", "相片", "画像",
    ]

    /// "looks cold", "feels too warm": how the photo comes across, a fault to correct.
    static let impressionWords: [(String, LexiconMeaning)] =
        ["looks", "feels", "seems", "look", "feel"].flatMap { copula in
            [("\(copula) cold", anywhere(.init(.temperature, 0.75))), ("\(copula) cool", anywhere(.init(.temperature, 0.75))),
             ("\(copula) warm", anywhere(.init(.temperature, -0.75))), ("\(copula) too cold", anywhere(.init(.temperature, 0.75))),
             ("\(copula) too warm", anywhere(.init(.temperature, -0.75))), ("\(copula) hazy", anywhere(.init(.dehaze))),
             ("\(copula) foggy", anywhere(.init(.dehaze)))]
        }

    private static let excesses: [(words: [String], correction: [EffectTerm])] = [
        (["saturated", "oversaturated", "over saturated", "vivid", "garish", "colorful", "colourful", "loud"],
         [.init(.saturation, -1)]),
        (["bright", "overexposed", "over exposed", "blown out"], [.init(.brightness, -1)]),
        (["contrasty", "high contrast"], [.init(.contrast, -1)]),
        (["warm"], [.init(.temperature, -0.75)]),
        (["cold", "cool"], [.init(.temperature, 0.75)]),
        (["oversharpened", "over sharpened", "crunchy"], [.init(.sharpness, -1)]),
    ]

    private static let stateCopulas = [
        "is", "are", "looks", "seems", "appears", "feels", "came out", "comes out", "turned out", "is still",
        "looks still", "still looks",
        // Plural subjects take "look": "the colours look faded" (never an imperative).
        "colors look", "colours look", "the colors look", "the colours look", "tones look", "the tones look",
    ]

    /// How much of the correction a degree word asks for ("a bit dark" needs less than "very dark").
    private static let stateDegrees: [(String, Double)] = [
        ("", 1), ("quite", 1), ("pretty", 1), ("really", 1), ("rather", 1),
        ("a bit", 0.5), ("a little", 0.5), ("slightly", 0.5), ("somewhat", 0.5), ("kind of", 0.5),
        ("a tad", 0.5), ("a little bit", 0.5),
        ("very", 1.5), ("so", 1.5), ("extremely", 1.5), ("super", 1.5), ("incredibly", 1.5), ("way", 1.5),
    ]

    private static let faults: [(words: [String], correction: [EffectTerm])] = [
        (["dark", "dim", "gloomy", "murky and dark"], [.init(.brightness)]),
        (["blurry", "blurred", "out of focus", "fuzzy", "soft", "unsharp", "not sharp", "not in focus"],
         [.init(.sharpness)]),
        (["noisy", "grainy", "speckled"], [.init(.denoise)]),
        (["dull", "flat", "lifeless", "drab", "bland", "muddy", "washed out", "faded", "hazy", "foggy",
          "murky", "muted", "grey", "gray"],
         [.init(.contrast), .init(.saturation, 0.5)]),
        (["yellow", "yellowish", "orange", "orangey"], [.init(.temperature, -0.75)]),
        (["blue", "bluish", "blueish"], [.init(.temperature, 0.75)]),
        (["green", "greenish"], [.init(.tint, 0.75)]),
        (["magenta", "pink", "pinkish", "purple", "purplish"], [.init(.tint, -0.75)]),
        (["harsh", "too harsh"], [.init(.contrast, -0.5), .init(.saturation, -0.25)]),
    ]
}
