extension PromptLexicon {
    /// Restyling filters and detail: posterize, sketch, cartoon, oil painting, pixelate,
    /// halftone, sharpen, blur, denoise and grain.
    static let styleWords: [(String, LexiconMeaning)] =
        each(["posterize", "posterise", "posterized", "posterised", "posterization", "poster effect",
              "flat colors", "flat colours", "reduce the colors", "reduce the colours", "fewer colors",
              "fewer colours", "screen print", "pop art"], anywhere(.init(.posterize)))
        + each(["pencil sketch", "sketch", "pencil drawing", "sketched", "pencil", "charcoal drawing",
                "charcoal", "line drawing", "drawing"], anywhere(.init(.sketch)))
        + each(["cartoon", "cartoonish", "cartoonize", "cartoonise", "cartoon style", "comic", "comic book",
                "comic style", "toon", "cel shaded", "cel shading"], anywhere(.init(.cartoon)))
        + each(["oil painting", "oil paint", "oil painted", "painterly effect", "impasto", "painted look",
                "paint effect", "like a painting", "as a painting", "into a painting"], anywhere(.init(.oilPainting)))
        + each(["pixelate", "pixelated", "pixelation", "pixel art", "pixelize", "pixelise", "8 bit", "8bit",
                "mosaic", "blocky", "censor"], anywhere(.init(.pixelate)))
        + each(["halftone", "half tone", "halftoned", "newspaper print", "newsprint", "dot screen",
                "benday dots", "ben day dots", "printed dots"], anywhere(.init(.halftone)))
        // Detail.
        + each(["crisper", "more crisp"], anywhere(.init(.sharpness, 0.75), .init(.contrast, 0.25)))
        + [("crisp", describing(.init(.sharpness, 0.75), .init(.contrast, 0.25)))]
        + each(["sharpen", "sharper", "sharpened", "sharpness", "crisper details", "crisp details",
                "more definition", "unblur", "deblur", "enhance sharpness"], anywhere(.init(.sharpness)))
        + each(["in focus", "focused"], describing(.init(.sharpness, 0.5)))
        + [("sharp", describing(.init(.sharpness)))]
        + each(["blur", "blurred", "blurry", "blurrier", "soften", "softer", "soft focus", "out of focus",
                "defocus", "gaussian blur", "smoothen"], anywhere(.init(.sharpness, -1)))
        + each(["smooth", "smoother"], describing(.init(.sharpness, -0.5)))
        + each(["denoise", "de noise", "noise reduction", "reduce noise", "reduce the noise", "remove noise",
                "remove the noise", "less noise", "less noisy", "clean up the noise", "noise free",
                "remove grain", "remove the grain", "reduce grain", "reduce the grain", "less grain", "despeckle",
                "too much grain", "get rid of the grain", "get rid of the noise", "get rid of noise",
                // Noise in an amount is a complaint, however much ("lots of noise").
                "lots of noise", "a lot of noise", "so much noise", "much noise", "plenty of noise",
                "heavy noise", "full of noise", "noise everywhere", "high iso", "from high iso", "high iso noise",
                "iso noise", "lots of grain", "a lot of grain",
                "clean up", "clean it up", "clean up the image", "clean up the photo", "clean the image up",
                "clean the photo up"], anywhere(.init(.denoise)))
        + each(["grain", "film grain", "add grain", "add noise", "grit"], anywhere(.init(.grain)))
        + each(["sharpening", "some sharpening", "a bit of sharpening", "a little sharpening", "too soft",
                "way too soft", "a bit soft", "is too soft"], anywhere(.init(.sharpness)))
        // Grain named as a state is a look when asked for plainly ("grainy look"), corrected
        // (grain back off, denoise on) once "too"/"less" reverses it.
        + each(["grainy"], anywhere(.init(.grain), .init(.denoise, -1)))
        // Noise is a fault whatever is said of it: "lots of noise", "very noisy" and "noise"
        // alone ask for it to go; "more noise" faces the fault and adds grain.
        + each(["noise", "noisy", "speckled", "grainy and noisy"], noiseCorrection)

    /// Denoise, with grain taken back: a word of more turns it to grain, and the plan drops
    /// the grain below zero otherwise.
    static let noiseCorrection = correcting(.init(.denoise), .init(.grain, -1))
}
