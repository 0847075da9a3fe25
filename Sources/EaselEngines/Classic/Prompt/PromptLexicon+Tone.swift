extension PromptLexicon {
    /// The general enhancement ("enhance it", "make it look better"): levels, a little colour
    /// and a little crispness.
    static let enhancement: [EffectTerm] = [.init(.autoLevels), .init(.vibrance, 0.5), .init(.sharpness, 0.25)]

    /// Words that ask for the general enhancement when nothing else in their sub-clause names
    /// what to change ("enhance", "improve it please"); otherwise they raise what they name.
    static let improvementWords: Set<String> = [
        "enhance", "improve", "enhanced", "improved", "verbessern", "verbessere", "verbessert", "optimieren", "optimiere",
        "改善", "fix", "correct",
    ]

    /// "fix it", "correct that": after a complaint, the request to correct it.
    static let fixWords: Set<String> = [
        "fix", "correct", "repair", "recover", "arregla", "arreglalo", "arreglala", "corrige",
        "corrigelo", "corrigela", "corrija", "corrigez", "corriger", "korrigiere", "korrigieren", "beheben",
        "behebe", "修正", "修复", "直して", "補正して",
    ]

    /// Light and tone: brightness, contrast, highlights and shadows, gamma, automatic
    /// corrections, clarity, haze, fade and vignette.
    static let toneWords: [(String, LexiconMeaning)] =
        each(["brighter", "brighten", "brightened", "lighter", "lighten", "lightened", "brightness",
              "exposure", "expose", "overexpose", "luminous", "lift the exposure"], anywhere(.init(.brightness)))
        // States are complaints, corrected: "it's underexposed" brightens. Asking for the
        // look names it as one ("an underexposed look").
        + each(["underexposed", "under exposed", "too dim"], correcting(.init(.brightness)))
        + each(["overexposed", "over exposed", "blown"], correcting(.init(.brightness, -1), .init(.highlights, -0.5)))
        + each(["underexposed look", "underexposed style", "underexposed effect"], anywhere(.init(.brightness, -1)))
        + each(["overexposed look", "overexposed style", "overexposed effect"], anywhere(.init(.brightness)))
        + each(["washed out", "looks washed out", "faded out", "muddy", "murky", "lifeless", "looks flat",
                "flat and dull", "dull and flat", "flat"], correcting(.init(.contrast), .init(.saturation, 0.5)))
        + each(["washed out look", "washed out style", "washed out effect"],
               anywhere(.init(.contrast, -1), .init(.saturation, -0.5)))
        + each(["enhance it", "enhance the photo", "enhance the image", "enhance the picture", "enhance this",
                "enhance this photo", "enhance this image", "improve it", "improve the photo", "improve the image",
                "make it better", "make it look better", "make it look good", "make it look nice", "look better",
                "looks better", "look good", "look great", "look nicer", "look professional", "more professional",
                "professional look", "make this better", "improve the quality", "better quality", "higher quality",
                "enhance the quality", "improve quality", "enhance quality"],
               .effect(enhancement, placement: .anywhere))
        + each(["more punch", "add punch", "punch", "give it punch"],
               anywhere(.init(.contrast, 0.75), .init(.saturation, 0.5)))
        + each(["bright", "well lit", "airy"], describing(.init(.brightness)))
        + [("sunny", describing(.init(.brightness, 0.5), .init(.temperature, 0.5)))]
        + each(["darker", "darken", "darkened", "dimmer", "underexpose", "less light"], anywhere(.init(.brightness, -1)))
        + each(["more light", "add light", "add more light", "needs more light", "more lighting"], anywhere(.init(.brightness)))
        + each(["dim", "dark", "gloomy", "shadowy"], describing(.init(.brightness, -1)))
        + each(["shadows too deep", "shadows are too deep", "the shadows are too deep", "too deep shadows",
                "crushed shadows", "shadows are crushed", "the shadows are crushed", "crushed blacks",
                "blacks are crushed", "the blacks are crushed", "shadows are blocked", "blocked shadows"],
               anywhere(.init(.shadows)))
        + [("moody", describing(.init(.brightness, -0.5), .init(.contrast, 0.5))),
           ("moodier", anywhere(.init(.brightness, -0.5), .init(.contrast, 0.5))),
           ("low key", anywhere(.init(.brightness, -1), .init(.contrast, 0.5))),
           ("high key", anywhere(.init(.brightness, 1), .init(.contrast, -0.5))),
           ("dramatic", describing(.init(.contrast))),
           ("dramatic lighting", anywhere(.init(.contrast), .init(.vignette, 0.5)))]
        + each(["contrast", "contrasty", "punchier"], anywhere(.init(.contrast)))
        + each(["punchy", "bold"], describing(.init(.contrast)))
        + each(["soft"], describing(.init(.contrast, -1)))
        + each(["flat look", "flat style", "flat grade", "flat profile", "log look"], anywhere(.init(.contrast, -1)))
        + each(["flatter", "flatten"], anywhere(.init(.contrast, -1)))
        + [("washed out", anywhere(.init(.contrast, -1), .init(.saturation, -0.5)))]
        // Highlights and shadows: "lift the shadows" opens them up, "crush the blacks" deepens.
        + each(["highlights", "highlight", "whites"], withModifier(.init(.highlights)))
        + each(["shadows", "shadow", "blacks"], withModifier(.init(.shadows)))
        + each(["shadow detail", "detail in the shadows"], withModifier(.init(.shadows)))
        + combining(["lift", "brighten", "lighten", "open up", "open", "recover", "raise", "boost", "brighter", "lighter"],
                    ["shadows", "shadow", "blacks", "dark areas"], anywhere(.init(.shadows)))
        + combining(["darken", "deepen", "crush", "darker", "deeper", "deep", "richer", "rich"],
                    ["shadows", "shadow", "blacks"], anywhere(.init(.shadows, -1)))
        + combining(["recover", "tame", "darken", "darker", "pull down", "pull back", "protect", "dim", "soften"],
                    ["highlights", "highlight", "whites", "bright areas"], anywhere(.init(.highlights, -1)))
        + combining(["brighten", "brighter", "boost", "lift", "glowing"], ["highlights", "highlight", "whites"], anywhere(.init(.highlights)))
        + [("blown highlights", anywhere(.init(.highlights, -1))), ("blown out", anywhere(.init(.highlights, -1)))]
        + each(["keep the highlights", "protect the highlights", "preserve the highlights", "save the highlights",
                "keep the highlight detail", "keep highlight detail"], anywhere(.init(.highlights, -0.5)))
        + each(["glare"], withModifier(.init(.highlights)))
        + each(["gamma"], withModifier(.init(.gamma)))
        + each(["midtones", "mid tones"], withModifier(.init(.gamma)))
        + each(["brighten the midtones", "brighter midtones", "lift the midtones", "lift midtones"], anywhere(.init(.gamma)))
        + each(["darken the midtones", "darker midtones"], anywhere(.init(.gamma, -1)))
        // Automatic corrections.
        + each(["auto levels", "autolevels", "auto level", "auto contrast", "autocontrast", "normalize",
                "normalise", "stretch the histogram", "auto tone", "auto enhance", "auto fix",
                "correct the exposure", "fix the exposure", "fix exposure",
                // Lighting set right is the exposure set right: the engine cannot relight.
                "fix the lighting", "fix lighting", "fix the light", "correct the lighting", "correct lighting",
                "better lighting", "improve the lighting", "improve lighting", "balance the lighting",
                "bad lighting", "poor lighting", "lighting is bad", "lighting is off", "lighting is poor"],
               anywhere(.init(.autoLevels)))
        + each(["auto white balance", "white balance", "auto wb", "awb", "color correct", "colour correct",
                "color correction", "colour correction", "correct the colors", "correct the colours",
                "fix the colors", "fix the colours", "remove the color cast", "remove the colour cast",
                "neutral colors", "neutral colours", "neutralize", "neutralise"], anywhere(.init(.autoWhiteBalance)))
        + each(["clearer", "more clear", "clear it up", "clarify", "clarity", "local contrast", "clahe", "microcontrast", "micro contrast", "more detail",
                "more details"], anywhere(.init(.clarity)))
        + [("detailed", describing(.init(.clarity)))]
        + each(["bring out the details", "bring out details", "bring out the texture", "enhance details",
                "enhance the details", "hdr", "hdr look", "hdr effect", "tone mapping", "tonemapped"],
               anywhere(.init(.clarity), .init(.saturation, 0.25)))
        + each(["dehaze", "de haze", "remove the haze", "remove haze", "reduce haze", "cut through the haze",
                "less hazy", "less haze", "haze removal", "clear up the fog", "defog"], anywhere(.init(.dehaze)))
        + each(["hazy", "foggy", "misty"], describing(.init(.fade), .init(.contrast, -0.5)))
        + each(["fade", "faded", "fading", "lifted blacks", "lift the blacks", "raised blacks"], anywhere(.init(.fade)))
        // Less of a faded look is a faded picture corrected.
        + each(["less faded", "too faded", "less washed"],
               anywhere(.init(.contrast), .init(.saturation, 0.5)))
        + each(["matte", "matte look", "matte finish"], anywhere(.init(.fade), .init(.contrast, -0.5)))
        + each(["soft vignette", "light vignette", "gentle vignette"], anywhere(.init(.vignette, 0.5)))
        + each(["remove the vignette", "remove vignette", "remove the vignetting", "remove vignetting",
                "get rid of the vignette", "no more vignette"], anywhere(.init(.vignette, -1)))
        + each(["vignette", "vignetting", "vignetted", "darken the corners", "darken the edges", "dark corners",
                "dark edges", "darker edges", "darker corners", "edge darkening"], anywhere(.init(.vignette)))
}
