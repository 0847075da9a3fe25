extension PromptLexicon {
    /// Colour: saturation, vibrance, temperature, tint, hue, black and white, toning and the
    /// named looks built from them.
    static let colourWords: [(String, LexiconMeaning)] =
        each(["saturation", "saturated", "saturate", "colorful", "colourful", "chroma", "color intensity",
              "colour intensity", "colors pop", "colours pop", "oversaturate"], anywhere(.init(.saturation)))
        + each(["oversaturated", "over saturated", "garish", "neon looking"], correcting(.init(.saturation, -1)))
        + each(["undersaturated", "under saturated", "drab"], correcting(.init(.saturation)))
        + each(["colorless", "colourless"], anywhere(.init(.saturation)))
        + each(["boost the colors", "boost the colours", "boost colors", "boost colours", "brighter colors",
                "brighter colours", "more colorful", "more colourful", "richer colors", "richer colours",
                "colors pop more", "colours pop more"],
               anywhere(.init(.vibrance), .init(.saturation, 0.5)))
        + each(["colors are too strong", "colours are too strong", "colors too strong", "colours too strong",
                "colors are too intense", "colours are too intense", "colors are too loud", "colours are too loud",
                "colors are too much", "colours are too much"], anywhere(.init(.saturation, -1)))
        // An old or faded photo brought back: its contrast and colour, and a neutral light.
        + each(["restore the colors", "restore the colours", "restore colors", "restore colours",
                "bring back the colors", "bring back the colours", "bring the colors back", "bring the colours back",
                "restore this faded photo", "restore the faded photo", "restore this old photo", "restore the old photo",
                "restore the photo", "restore this photo", "restore it", "restore", "revive the colors",
                "revive the colours"],
               anywhere(.init(.contrast), .init(.saturation), .init(.autoWhiteBalance, 0.5)))
        // The photo said to be old is the input, not the look asked for.
        + each(["photo produit", "photo de produit", "foto do produto", "foto de produto", "foto del producto",
                "foto de producto", "produktfoto", "gescanntes dokument", "フォト", "ウェディングフォト", "婚纱照",
                "for instagram", "for insta", "for ig", "on instagram", "for my instagram", "scanned document",
                "document scan", "a scanned document", "from an old film", "from a film", "film screenshot", "screenshot from an old film", "old film screenshot",
                "frame grab", "is letterboxed", "movie screenshot", "screenshot from a movie",
                "product photo", "product photos", "product shot", "product shots", "product image", "product picture",
                "this old photo", "my old photo", "old scan", "this old scan", "this faded photo", "my faded photo",
                "this black and white photo", "my black and white photo", "the black and white photo",
                "this old black and white photo", "my old black and white photo", "this b and w photo",
                "this black and white picture", "this black and white image"], .pictureNoun)
        + each(["pastel", "pastel colors", "pastel colours", "pastel tones", "pastel look"],
               anywhere(.init(.saturation, -0.5), .init(.brightness, 0.5), .init(.contrast, -0.5)))
        // Casts named as complaints: the opposite shift removes them.
        + each(["made everything purple", "everything is purple", "everything looks purple", "everything purple",
                "made everything pink", "everything looks pink"], anywhere(.init(.tint, 0.75)))
        + each(["made everything blue", "everything is blue", "everything looks blue"], anywhere(.init(.temperature, 0.75)))
        + each(["made everything yellow", "everything is yellow", "everything looks yellow", "made everything orange",
                "everything is orange", "everything looks orange", "turned yellow", "has turned yellow", "gone yellow",
                "has gone yellow"], anywhere(.init(.temperature, -0.75)))
        + each(["made everything green", "everything is green", "everything looks green", "all green", "is all green"],
               anywhere(.init(.tint, 0.75)))
        // Food made to look good: warmer, richer colour, a little contrast.
        + each(["appetizing", "appetising", "more appetizing", "more appetising", "tasty looking", "unappetizing",
                "unappetising", "not appetizing", "looks unappetizing", "apetitosa", "apetitoso",
                "mas apetitosa", "mas apetitoso", "appetissant", "appetissante", "plus appetissant", "appetitlich",
                "apetitosa", "mais apetitosa", "美味しそう", "美味しそうに", "有食欲", "更有食欲"],
               anywhere(.init(.temperature, 0.5), .init(.vibrance, 0.5), .init(.contrast, 0.25)))
        + each(["make the paper white", "whiter paper", "white paper", "paper whiter", "clean white paper"],
               anywhere(.init(.autoLevels), .init(.autoWhiteBalance)))
        + each(["text crisp", "crisp text", "sharper text", "text sharper", "sharpen the text", "text scharfer",
                "crisper text", "readable text"], anywhere(.init(.sharpness)))
        + tintsHad(["blue", "bluish"], anywhere(.init(.temperature, 0.75)))
        + tintsHad(["yellow", "yellowish", "orange"], anywhere(.init(.temperature, -0.75)))
        + tintsHad(["green", "greenish"], anywhere(.init(.tint, 0.75)))
        + tintsHad(["magenta", "pink", "pinkish", "purple"], anywhere(.init(.tint, -0.75)))
        + tintsHad(["red", "reddish"], anywhere(.init(.tint, -0.75), .init(.temperature, -0.25)))
        + each(["too blue", "too cold", "bluish cast", "blue cast", "cast is blue", "the whites look blue",
                "whites look blue", "blue whites"], anywhere(.init(.temperature, 0.75)))
        + each(["too yellow", "too orange", "yellow cast", "orange cast", "whites look yellow", "yellow whites",
                "yellowish whites", "the whites look yellow", "too warm",
                "yellowed", "yellowing", "has yellowed"], anywhere(.init(.temperature, -0.75)))
        + each(["too green", "green cast", "greenish cast"], anywhere(.init(.tint, 0.75)))
        + each(["too magenta", "too pink", "magenta cast", "pink cast", "too purple"], anywhere(.init(.tint, -0.75)))
        + each(["too red", "too reddish", "red cast", "reddish cast"],
               anywhere(.init(.tint, -0.75), .init(.temperature, -0.25)))
        + each(["too cyan", "too teal", "cyan cast", "teal cast"], anywhere(.init(.tint, 0.5), .init(.temperature, 0.5)))
        + each(["make the whites cleaner", "cleaner whites", "clean whites", "whiter whites", "neutral whites",
                "make the whites whiter", "the whites look dirty", "dirty whites", "the whites look grey",
                "the whites look gray"],
               anywhere(.init(.autoWhiteBalance), .init(.highlights, 0.25)))
        // A cast named by its colour alone, with a word of change or complaint: "less yellow"
        // and "too much blue" remove it, "more yellow" adds it. Without one a colour names
        // something in the picture ("splashes in neon green", "a red shirt") and is left alone.
        + each(["yellow", "yellows"], withModifier(.init(.temperature, 0.75)))
        + each(["orange", "oranges"], withModifier(.init(.temperature, 0.5)))
        + each(["blue", "blues"], withModifier(.init(.temperature, -0.75)))
        + each(["green", "greens"], withModifier(.init(.tint, -0.75)))
        + each(["pink", "purple"], withModifier(.init(.tint, 0.75)))
        + each(["red", "reds"], withModifier(.init(.tint, 0.75), .init(.temperature, 0.25)))
        + each(["cyan", "teal"], withModifier(.init(.tint, -0.5), .init(.temperature, -0.5)))
        // The colours as a whole, with a word of change: "more color", "reduce the colours".
        + ["color", "colour", "colors", "colours"].flatMap { noun in
            ["more \(noun)", "increase the \(noun)", "enhance the \(noun)", "intensify the \(noun)",
             "deepen the \(noun)", "add \(noun)", "add some \(noun)", "more vivid \(noun)"]
                .map { ($0, anywhere(.init(.vibrance), .init(.saturation, 0.5))) }
                + ["less \(noun)", "reduce the \(noun)", "fewer \(noun)", "calm the \(noun)",
                   "calm down the \(noun)", "soften the \(noun)", "less intense \(noun)"]
                .map { ($0, anywhere(.init(.saturation, -1))) }
        }
        + each(["harsh", "harsher"], withModifier(.init(.contrast, 0.5), .init(.saturation, 0.25)))
        // Paleness is a property, which "less pale" and "too pale" correct.
        + each(["pale", "paler"], describing(.init(.saturation, -0.5), .init(.brightness, 0.25)))
        + each(["vivid", "vibrant", "intense colors", "intense colours", "bright colors", "bright colours"], describing(.init(.saturation)))
        + each(["rich", "deep colors", "deep colours"], describing(.init(.saturation, 0.5)))
        + [("pop", describing(.init(.contrast, 0.5), .init(.saturation, 0.5)))]
        + [("richer", anywhere(.init(.saturation, 0.5))), ("rich colors", anywhere(.init(.saturation, 0.5))),
           ("rich colours", anywhere(.init(.saturation, 0.5)))]
        + each(["desaturate", "desaturated", "desaturation", "mute", "tone down the colors",
                "tone down the colours"], anywhere(.init(.saturation, -1)))
        + each(["muted", "subdued", "understated"], describing(.init(.saturation, -1)))
        + each(["duller", "soft colors", "soft colours"], describing(.init(.saturation, -0.5)))
        + each(["dull", "dull colors", "dull colours", "looks dull"], correcting(.init(.saturation, 0.5), .init(.contrast, 0.5)))
        + each(["vibrance", "vibrancy", "natural saturation", "smart saturation"], anywhere(.init(.vibrance)))
        // Temperature and tint.
        + each(["warmer", "warmth", "warm up", "warm it up", "golden hour", "orange tint", "yellow tint",
                "warm tones", "temperature", "warm tint", "warm filter"], anywhere(.init(.temperature)))
        + each(["warm", "golden", "sunset", "cozy", "cosy", "autumnal"], describing(.init(.temperature)))
        + each(["amber", "yellowish", "orangey"], describing(.init(.temperature, 0.5)))
        + each(["cooler", "cool down", "cool it down", "colder", "cold blue", "cool blue", "icy blue",
                "blue tones", "blue tint", "bluer", "cool tones", "cool tint", "cool filter",
                "wintry", "winter"], anywhere(.init(.temperature, -1)))
        + each(["cool", "cold", "icy", "frosty", "chilly"], describing(.init(.temperature, -1)))
        + [("bluish", describing(.init(.temperature, -0.5)))]
        + each(["magenta", "magenta tint", "pinker", "pinkish", "more magenta", "rosy", "rose tint", "pink tint"],
               anywhere(.init(.tint)))
        + each(["greener", "green tint", "greenish", "more green", "minty"], anywhere(.init(.tint, -1)))
        + each(["tint"], withModifier(.init(.tint)))
        + each(["remove the green cast", "remove the green tint", "less green"], anywhere(.init(.tint, 0.5)))
        + each(["hue", "hue shift", "shift the hue", "shift the hues", "rotate the hue", "rotate the hues",
                "hue rotation", "shift the colors", "shift the colours"], anywhere(.init(.hue, 30)))
        + each(["invert the hue", "opposite colors", "opposite colours", "complementary colors"], anywhere(.init(.hue, 180)))
        // No colour, and toning.
        + each(["black and white", "bw", "b and w", "b w", "monochrome", "monochromatic", "grayscale",
                "greyscale", "gray scale", "grey scale", "colorless", "colourless", "no color", "no colour",
                "no colors", "no colours", "without color", "without colour", "remove the color",
                "remove the colour", "remove all color", "remove all colour", "decolorize", "black white",
                "silver gelatin"], anywhere(.init(.monochrome)))
        + each(["gray", "grey", "greyish", "grayish"], describing(.init(.monochrome)))
        + each(["noir", "film noir"], anywhere(.init(.monochrome), .init(.contrast), .init(.vignette, 0.5)))
        + each(["sepia", "sepia tone", "sepia toned", "brown tones", "old photo", "old photograph",
                "antique", "daguerreotype", "tintype"], anywhere(.init(.sepia)))
        + each(["duotone", "duo tone", "two tone", "two colour", "two color"], anywhere(.init(.duotone)))
        + each(["split tone", "split toning", "split toned", "teal and orange", "orange and teal",
                "teal orange", "orange teal", "teal shadows", "orange highlights", "teal shadows and orange highlights"],
               anywhere(.init(.splitTone)))
        // Named looks, composed of the operations above.
        + each(["cinematic", "cinematic look", "cinematic lighting", "movie look", "movie still",
                "blockbuster", "hollywood", "color grade", "colour grade", "color graded", "colour graded"],
               anywhere(.init(.contrast, 0.5), .init(.splitTone), .init(.vignette, 0.5)))
        + each(["vintage", "retro", "old fashioned", "old school", "nostalgic", "seventies"],
               anywhere(.init(.temperature, 0.5), .init(.saturation, -0.5), .init(.fade), .init(.vignette, 0.5),
                        .init(.grain, 0.5)))
        + each(["film", "analog", "analogue", "kodak", "kodachrome", "portra", "filmic", "film stock",
                "film photo", "shot on film", "film look", "analog look", "analogue look", "film vibe", "film feel"],
               anywhere(.init(.contrast, 0.5), .init(.fade, 0.5), .init(.temperature, 0.25), .init(.grain, 0.5)))
        + each(["polaroid", "instant photo", "instax"],
               anywhere(.init(.fade), .init(.temperature, 0.5), .init(.saturation, -0.5), .init(.vignette, 0.5)))
        + each(["lomo", "lomography", "toy camera", "holga"],
               anywhere(.init(.contrast), .init(.saturation, 0.5), .init(.vignette, 1.5)))
        + each(["bleach bypass", "gritty", "desaturated and contrasty"],
               anywhere(.init(.saturation, -1), .init(.contrast), .init(.clarity, 0.5)))
        + each(["dreamy", "ethereal", "soft glow", "glowy", "hazy dream"],
               anywhere(.init(.brightness, 0.5), .init(.fade, 0.5), .init(.sharpness, -0.5)))
        + each(["instagram story", "instagram stories", "insta story", "ig story", "story size", "story format",
                "instagram reel", "reels format", "tiktok", "tiktok format", "tik tok"], anywhere(.init(.aspect, 9.0 / 16)))
        + each(["instagram post", "instagram portrait", "insta post", "ig post"], anywhere(.init(.aspect, 4.0 / 5)))
        + each(["instagram", "insta", "social media look"],
               anywhere(.init(.contrast, 0.5), .init(.vibrance), .init(.vignette, 0.5)))

    /// "70s", "1980s": the vintage look.
    static let decadeLook: [EffectTerm] = [
        .init(.temperature, 0.5), .init(.saturation, -0.5), .init(.fade), .init(.vignette, 0.5), .init(.grain, 0.5),
    ]

    /// A tint the photo is said to have ("it has a green tint", "there's a yellow tint"): a
    /// cast to remove. Asked for ("add a green tint") a tint is a look.
    private static func tintsHad(_ colours: [String], _ correction: LexiconMeaning) -> [(String, LexiconMeaning)] {
        let openings = ["has a", "has a slight", "has a strong", "has this", "there is a", "there is a slight",
                        "there is a strong", "got a"]
        return colours.flatMap { colour in
            openings.flatMap { opening in ["tint", "tinge", "hue"].map { ("\(opening) \(colour) \($0)", correction) } }
        }
    }
}
