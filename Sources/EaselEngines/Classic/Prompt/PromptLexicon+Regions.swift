extension PromptLexicon {
    /// Parts of a picture. The classic engine edits the whole frame only, so a sub-clause
    /// naming one of these ("soften the skin", "blur the background", "make the sky bluer")
    /// is reported with what it would need instead of being applied everywhere.
    static let regionWords: [(String, LexiconMeaning)] =
        parts.flatMap { part in
            part.words.map { ($0, LexiconMeaning.region("a mask of the \(part.name ?? $0)")) }
        }
        // What the prompt asks to keep is kept: the engine changes only what is asked.
        + each(["keep the grain", "keep the film grain", "keep the texture", "keep the colors", "keep the colours",
                "keep the original colors", "keep the original colours", "keep the mood", "keep the details"],
               .unsupported(keptLimitReason))
        // A tilt the engine does not measure: "straighten by 2 degrees" is done.
        + each(["horizon", "the horizon", "tilted", "crooked", "the tilt"], .unsupported(tiltReason))
        // A scene made into another ("turn it into a sunset"): a warmer grade would only
        // pretend to do it.
        + ["into", "into a", "to"].flatMap { lead in
            ["sunset", "sunset scene", "night", "night scene", "nighttime", "night time", "daytime", "day time",
             "winter", "winter scene", "summer", "autumn", "fall", "spring", "a rainy day", "rainy day", "snow",
             "a snowy scene", "golden hour"].map { ("\(lead) \($0)", LexiconMeaning.unsupported(generativeReason)) }
        }
        // Phrases with a part's word that describe the whole picture.
        + [("eye catching", anywhere(.init(.contrast, 0.5), .init(.saturation, 0.5))),
           ("eye candy", anywhere(.init(.contrast, 0.5), .init(.saturation, 0.5)))]
        // A tonal range named as a place: "too much blue in the shadows" asks to correct the
        // shadows alone ("lift the shadows" is a tone edit of the whole frame).
        + [("shadows", ["in the shadows", "in the shadow", "in the dark areas", "in the darks"]),
           ("highlights", ["in the highlights", "in the bright areas", "in the brights"]),
           ("midtones", ["in the midtones", "in the mid tones"])].flatMap { range, phrases in
            phrases.map { ($0, LexiconMeaning.region("a mask of the \(range)")) }
        }
        // People named by a pronoun: "make her brighter", "his jacket" ("them" is as often
        // the images: "put them side by side").
        + each(["her", "him", "his", "she", "he", "hers", "herself", "himself"],
               .region("a mask of the person"))
        // Blur by distance: the background goes soft, the subject stays sharp.
        + each(["bokeh", "add bokeh", "depth of field", "shallow depth of field", "shallow dof", "dof",
                "portrait mode", "portrait effect", "tilt shift", "tilt shift effect", "background blur",
                "blur the background", "blurred background", "blurry background", "defocused background",
                "out of focus background", "subject in focus", "isolate the subject", "separate the subject"],
               .region("a depth map or a subject mask"))

    /// Why a request to add, remove, replace or redraw something is not done.
    static let generativeReason = "a generative edit (the classic engine adjusts the photo's light, colour, detail "
        + "and framing; the diffusion engine can add, remove or redraw)"

    /// What a limit the prompt sets ("don't change the colours") gets.
    static let keptLimitReason = "kept: the classic engine changes only what the prompt asks for"

    static let tiltReason = "needs the angle of the tilt, which the classic engine does not measure: say how far, "
        + "e.g. \"rotate 2 degrees counterclockwise\""

    /// Each part with the words that name it; objects without a group name are named as written.
    private static let parts: [(name: String?, words: [String])] = [
        ("skin", ["skin", "skin tone", "skin tones", "complexion", "blemishes", "wrinkles", "pores", "acne"]),
        ("face", ["face", "faces", "facial", "cheeks", "cheek", "forehead", "chin", "jawline", "nose", "mouth"]),
        ("eyes", ["eyes", "eye", "iris", "irises", "pupils", "eyelashes", "eyebrows"]),
        ("lips", ["lips", "lip"]),
        ("teeth", ["teeth", "tooth", "smile"]),
        ("hair", ["hair", "hairstyle", "beard", "moustache", "mustache"]),
        ("background", ["background", "backgrounds", "backdrop", "behind the subject"]),
        ("foreground", ["foreground"]),
        ("sky", ["sky", "skies", "clouds", "cloud"]),
        ("subject", ["subject", "main subject", "the subject"]),
        ("person", ["person", "people", "man", "woman", "men", "women", "girl", "boy", "baby", "child", "kid",
                    "kids", "model", "portrait subject", "body", "singer", "bride", "groom", "guitarist", "musician",
                    "drummer", "dancer", "performer", "speaker", "player", "athlete", "couple", "guy", "lady"]),
        ("clothes", ["clothes", "clothing", "shirt", "dress", "jacket", "blazer", "outfit", "coat"]),
        (nil, ["cat", "cats", "dog", "dogs", "kitten", "puppy", "bird", "birds", "horse", "pet", "animal"]),
        (nil, ["car", "cars", "motorcycle", "motorbike", "bike", "bicycle", "rocket", "cup", "mug",
                    "coffee", "plate", "food", "bottle", "product", "building", "buildings", "house", "tree",
                    "trees", "flowers", "flower", "grass", "leaves", "water", "sea", "ocean", "lake", "river",
                    "mountain", "mountains", "road", "street", "sun", "moon", "stars", "text", "logo", "sign"]),
    ]
}
