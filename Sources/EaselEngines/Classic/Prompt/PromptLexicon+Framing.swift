extension PromptLexicon {
    /// Framing (rotate, flip, zoom, pad) and the operations that read other input images.
    static let framingWords: [(String, LexiconMeaning)] =
        each(["rotate", "rotated", "rotation", "rotate right", "turn right", "rotate clockwise",
              "turn clockwise", "rotate it", "rotate the image", "rotate the photo"], anywhere(.init(.rotate, 90)))
        + each(["rotate left", "turn left", "rotate counterclockwise", "rotate anticlockwise",
                "turn counterclockwise", "turn anticlockwise"], anywhere(.init(.rotate, -90)))
        + each(["upside down", "turn upside down", "rotate 180", "flip it over", "rotate it upside down",
                "rotate upside down", "turn it upside down", "flip it upside down"], anywhere(.init(.rotate, 180)))
        + each(["tilt", "tilt it", "tilt the photo", "tilt the image"], withModifier(.init(.rotate, 1)))
        // Bars already in the picture: the engine does not find their edges.
        + each(["crop the black bars off", "crop off the black bars", "crop out the black bars", "remove the black bars",
                "remove black bars", "remove the letterbox", "remove the letterboxing", "get rid of the black bars"],
               .unsupported("needs the bars' size, which the classic engine does not detect: crop to the picture's "
                   + "ratio instead, e.g. \"crop to 2.39:1\""))
        + each(["straighten", "level the horizon", "straighten it", "straighten the photo", "straighten the image"],
               withModifier(.init(.rotate, 1)))
        // "turn it 90 degrees": a turn by an angle; "turn it into a sunset" is no rotation.
        + each(["turn it", "turn the photo", "turn the image", "turn the picture"], withModifier(.init(.rotate, 90)))
        + each(["counterclockwise", "anticlockwise", "counter clockwise", "anti clockwise", "ccw",
                "to the left", "left"], .rotationDirection(-1))
        + each(["clockwise", "cw", "to the right", "right"], .rotationDirection(1))
        + each(["flip", "flipped", "mirror", "mirrored", "mirror image", "flip horizontally",
                "flip it horizontally", "flip horizontal", "flip left to right", "horizontal flip",
                "flop"], anywhere(.init(.flipHorizontal)))
        + each(["flip vertically", "flip it vertically", "flip vertical", "vertical flip",
                "flip upside down", "flip top to bottom"], anywhere(.init(.flipVertical)))
        + each(["zoom in", "zoom", "zoomed in", "crop in", "crop tighter", "tighter crop", "closer",
                "punch in", "closer crop", "crop closer", "tighter framing", "magnify", "enlarge"],
               anywhere(.init(.zoom)))
        + each(["zoom out", "zoomed out", "wider framing", "further away"], anywhere(.init(.zoom, -1)))
        + each(["square", "square crop", "crop to a square", "crop it square", "crop square", "make it square",
                "crop it to a square", "square format", "instagram square"], anywhere(.init(.aspect, 1)))
        + each(["widescreen", "wide screen"], anywhere(.init(.aspect, 16.0 / 9)))
        + each(["crop to the subject", "crop to subject", "crop around the subject", "center the subject",
                "centre the subject", "crop to the salient area", "crop to the main subject", "frame the subject",
                "crop on the subject"], anywhere(.init(.salientCrop)))
        + each(["white border", "white borders", "white frame", "white matte", "add a white border"],
               anywhere(.init(.whiteBorder)))
        // Bars and padding fill around the whole picture: fitted, not cropped.
        + each(["white bars", "white padding", "white background fill", "with white bars", "white bars on the sides"],
               anywhere(.init(.pad), .init(.whiteBorder)))
        + each(["black border", "black borders", "black frame"], anywhere(.init(.blackBorder)))
        + each(["black bars", "black padding", "with black bars"], anywhere(.init(.pad), .init(.blackBorder)))
        + each(["blurred border", "blurred borders", "blurred bars", "blurred background fill", "blur fill",
                "blurred fill", "blurred padding", "blurry borders", "blurred edges fill"], anywhere(.init(.blurredBorder)))
        + each(["border", "borders", "frame it", "add a border", "add a frame", "photo frame"], anywhere(.init(.whiteBorder)))
        + each(["pad", "padding", "letterbox", "letterboxed", "pillarbox", "keep the whole image",
                "keep the entire image", "not crop",
                "no crop", "no cropping", "without cropping", "do not crop", "uncropped", "fit inside",
                "fit the whole", "contain", "show everything"], anywhere(.init(.pad)))
        // Reference images.
        + each(["colour transfer", "color transfer", "colour match", "color match", "match the colors",
                "match the colours", "match colors", "match colours", "transfer the colors",
                "transfer the colours", "same colors as", "same colours as", "color palette from",
                "colour palette from", "use the colors", "use the colours", "colour grade like",
                "color grade like"], anywhere(.init(.colourTransfer)))
        + each(["colors of", "colours of", "palette of", "tones of", "grade of", "grading of", "look of",
                "mood of", "style of", "lighting of", "colors from", "colours from", "palette from",
                "like the", "match", "as in"], withReference(.init(.colourTransfer)))
        + each(["double exposure", "blend", "blended", "overlay", "superimpose", "superimposed", "mix with",
                "merge with", "combine with", "fuse with", "blend with"], anywhere(.init(.blend)))
        + each(["side by side", "next to each other", "side to side", "diptych", "triptych",
                "before and after", "compare", "comparison", "split screen"], anywhere(.init(.sideBySide)))
        + each(["grid", "collage", "mosaic of", "contact sheet", "2 by 2", "two by two", "montage",
                "tile", "tiled"], anywhere(.init(.grid)))
}
