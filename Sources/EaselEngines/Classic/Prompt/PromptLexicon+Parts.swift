extension PromptLexicon {
    /// Parts of a picture named in the other languages read, by the English name of the part.
    /// An edit of one part needs a mask the classic engine does not have; a sub-clause that
    /// names one with no classic effect is reported as a generative request.
    static let languageParts: [(part: String, words: [String])] = [
        ("skin", ["皮肤", "皮膚", "肤色", "膚色", "肌肤", "肌膚", "肌", "磨皮", "美白", "piel", "peau", "pele", "haut"]),
        ("face", ["脸", "臉", "脸部", "臉部", "面部", "人脸", "人臉", "顔", "cara", "rostro", "visage", "gesicht", "rosto"]),
        ("eyes", ["眼睛", "眼", "ojos", "yeux", "augen", "olhos"]),
        ("hair", ["头发", "頭髮", "髪", "髪の毛", "pelo", "cabello", "cheveux", "haare", "cabelo"]),
        ("background", ["背景", "fondo", "fond", "arriere", "hintergrund", "fundo"]),
        ("sky", ["天空", "空", "cielo", "ciel", "himmel", "ceu"]),
        ("person", ["人", "人物", "人像", "路人", "persona", "personas", "hombre", "mujer", "personne", "personnes",
                    "homme", "femme", "person", "personen", "mann", "frau", "pessoa", "pessoas", "homem", "mulher"]),
        ("clothes", ["衣服", "服", "ropa", "camisa", "vetements", "chemise", "kleidung", "hemd", "roupa"]),
        ("pet", ["猫", "狗", "猫咪", "狗狗", "犬", "ネコ", "イヌ", "perro", "perrito", "gato", "gatito", "chat", "chien",
                 "hund", "katze", "cachorro"]),
    ]

    /// The parts as regions: an edit of one is reported with the mask it needs, never applied
    /// to the whole frame ("suaviza la piel", "美白皮肤").
    static let languageRegionWords: [(String, LexiconMeaning)] = languageParts.flatMap { part in
        part.words.map { ($0, LexiconMeaning.region("a mask of the \(part.part)")) }
    }
}
