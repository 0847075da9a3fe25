extension PromptLexicon {
    /// Modifiers, separators, picture nouns, fillers, units and names of input images.
    static let grammarWords: [(String, LexiconMeaning)] =
        intensities.map { ($0.0, LexiconMeaning.intensity($0.1)) }
        + each(["more", "increase", "increased", "boost", "boosted", "raise", "higher", "high", "add",
                "enhance", "enhanced", "strong", "stronger", "extra", "turn up", "crank up", "pump up",
                "heighten", "intensify", "intensified", "bump up", "push", "up the", "plus", "lift",
                "amplify", "maximize", "maximise", "deeper", "deepen", "strengthen", "improve", "apply", "bigger", "larger",
                "heavier", "lots of", "plenty of", "emphasize", "emphasise", "accentuate"],
               .polarity(.increase))
        + each(["less", "lower", "low", "reduce", "reduced", "decrease", "decreased", "lessen", "tone down",
                "turn down", "dial down", "drop", "weaker", "weak", "minus", "fewer", "diminish", "minimize",
                "minimise", "cut", "tame", "remove some", "pull back", "recover", "lighter on", "smaller"], .polarity(.decrease))
        + each(["not", "no", "never", "without", "nor", "avoid", "instead of", "don't", "dont", "do not"],
               .polarity(.negate))
        + each(["too", "overly", "excessively", "too much", "too strong", "too high", "overdone", "over the top",
                "so much"], .polarity(.excess))
        + each(["enough"], .polarity(.sufficient))
        + each(["don't overdo it", "dont overdo it", "do not overdo it", "don't overdo", "not too much", "keep it subtle",
                "keep it natural", "nothing drastic", "nothing too strong", "nothing too much", "natural looking",
                "keep it realistic", "tone it down", "not too strong", "subtle please", "keep it light",
                "nothing fancy", "no filters", "no filter", "keep it simple", "don't overdo any of it",
                "do not overdo any of it", "nothing crazy", "not too much", "not too orange", "not too yellow",
                "don't turn it orange", "do not turn it orange", "don't make it orange", "without making it orange",
                "without turning it orange", "not too blue", "more natural",
                "make it more natural", "make them more natural", "look more natural", "looks natural"], .restraint)
        + each(["and", "but", "while", "whereas", "then", "with", "plus also", "yet", "or", "also",
                "after that", "afterwards", "finally", "as well as"], .separator)
        + each(["image", "images", "photo", "photos", "photograph", "picture", "pic", "shot", "frame",
                "scene", "tones", "tone", "tonality", "look", "feel", "feeling", "mood", "lighting",
                "light", "colors", "colours", "color", "colour", "palette", "atmosphere", "vibe", "style",
                "grade", "grading", "overall", "hues", "cast", "aesthetic", "finish", "filter", "effect",
                "version", "edit", "glow", "everything", "treatment", "result", "output",
                "rendering", "it", "this", "one", "ambience", "ambiance", "vibes"], .pictureNoun)
        + each(["thanks", "thank you", "thx", "hi", "hello", "hey", "pls", "plz", "can you", "could you", "would you",
                "i want", "i would like", "i d like", "i need", "for me", "kindly"], .filler)
        + each(["please", "instead", "now", "again", "here", "throughout", "everywhere",
                "as", "than", "though", "by", "to", "the", "a", "an", "of", "some", "bit"], .filler)
        + each(["percent", "percentage", "pct"], .unit(.percent))
        + each(["degrees", "degree", "deg", "degs"], .unit(.degrees))
        + each(["x", "times", "fold"], .unit(.times))
        + references

    private static let intensities: [(String, Double)] = [
        ("slightly", 0.5), ("slight", 0.5), ("a bit", 0.5), ("a little", 0.5), ("a little bit", 0.5),
        ("a touch", 0.5), ("a touch of", 0.5), ("a tad", 0.5), ("a hint of", 0.5), ("somewhat", 0.5),
        ("subtle", 0.5), ("subtly", 0.5), ("gently", 0.5), ("gentle", 0.5), ("mild", 0.5),
        ("mildly", 0.5), ("lightly", 0.5), ("barely", 0.5), ("softly", 0.5), ("a smidge", 0.5),
        ("marginally", 0.5), ("just a bit", 0.5), ("a tiny bit", 0.5), ("tiny bit", 0.5), ("a teeny bit", 0.5),
        ("a wee bit", 0.5), ("just a touch", 0.5), ("kinda", 0.75), ("sorta", 0.75), ("sort of", 0.75), ("a little more", 0.5), ("moderately", 0.75),
        ("very", 1.5), ("much", 1.5), ("really", 1.5), ("strongly", 1.5), ("a lot", 1.5),
        ("lots", 1.5), ("significantly", 1.5), ("considerably", 1.5), ("noticeably", 1.5),
        ("way", 1.5), ("far", 1.5), ("deeply", 1.5), ("quite", 1.25), ("pretty", 1.25),
        ("seriously", 1.5), ("a great deal", 1.5), ("substantially", 1.5),
        ("extremely", 2), ("super", 2), ("ultra", 2), ("hugely", 2), ("massively", 2),
        ("intensely", 2), ("heavily", 2), ("dramatically", 2), ("drastically", 2),
        ("incredibly", 2), ("insanely", 2), ("totally", 2), ("completely", 2), ("fully", 2),
        ("heavy", 1.5), ("maximum", 2), ("max", 2), ("hyper", 2), ("twice as", 2), ("double the", 2),
        ("half as", 0.5),
    ]

    /// "the second image", "image 2", "the reference": 1 is the second input image.
    private static let references: [(String, LexiconMeaning)] = {
        let nouns = ["image", "photo", "picture", "pic", "input", "upload", "one", "shot"]
        let ordinals: [(Int, [String])] = [
            (1, ["second", "2nd", "other", "reference", "last"]), (2, ["third", "3rd"]), (3, ["fourth", "4th"]),
        ]
        let numerals: [(Int, [String])] = [(1, ["2", "two", "b"]), (2, ["3", "three", "c"]), (3, ["4", "four", "d"])]
        var entries: [(String, LexiconMeaning)] = []
        for (index, words) in ordinals {
            entries += words.flatMap { word in nouns.map { ("\(word) \($0)", .reference(index)) } }
        }
        for (index, words) in numerals {
            entries += words.flatMap { word in nouns.map { ("\($0) \(word)", .reference(index)) } }
        }
        entries += [("reference", .reference(1)), ("the reference", .reference(1)), ("ref", .reference(1))]
        return entries
    }()
}
