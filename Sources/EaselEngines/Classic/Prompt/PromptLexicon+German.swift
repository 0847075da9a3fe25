extension PromptLexicon {
    /// German, in folded form ("heller", "Sättigung" is "sattigung", "ß" "ss"). "Zu" and "ist
    /// sehr" complain ("zu dunkel" brightens); "nicht" and "kein" negate; verbs at the end
    /// ("Helligkeit erhöhen") qualify the effect before them. Words spelled as in English
    /// ("warm", "warmer", "sepia", "vintage") are read by the English lexicon.
    static let germanWords: [(String, LexiconMeaning)] = Array([
        // Light.
        each(["heller", "hell", "helle", "hellere", "aufhellen", "hell machen", "erhellen", "helligkeit",
              "belichtung", "aufhellung", "mehr licht"], anywhere(.init(.brightness))),
        states(["unterbelichtet", "unterbelichtung", "zu wenig licht"], excess: germanExcess, copulas: germanCopulas, anywhere(.init(.brightness))),
        states(["uberbelichtet", "uberbelichtung", "ausgebrannt", "ausgefressen"], excess: germanExcess, copulas: germanCopulas,
               anywhere(.init(.brightness, -1), .init(.highlights, -0.5))),
        each(["dunkler", "dunkel", "dunkle", "dunklere", "abdunkeln", "verdunkeln", "dunkel machen", "duster",
              "dusterer", "finster"], anywhere(.init(.brightness, -1))),
        each(["tiefen", "schatten"], withModifier(.init(.shadows))),
        each(["lichter", "spitzlichter", "helle bereiche"], withModifier(.init(.highlights))),
        each(["schatten aufhellen", "tiefen aufhellen", "schatten anheben", "tiefen anheben", "hellere schatten",
              "schatten heller"], anywhere(.init(.shadows))),
        each(["lichter retten", "lichter absenken", "lichter abdunkeln", "lichter reduzieren", "spitzlichter retten",
              "spitzlichter reduzieren"], anywhere(.init(.highlights, -1))),
        each(["kontrast", "kontraste", "kontrastreich", "kontrastreicher", "knackig", "knackiger"], anywhere(.init(.contrast))),
        each(["kontrastarm", "kontrastarmer"], anywhere(.init(.contrast, -1))),
        states(["flau", "flach", "blass", "ausgewaschen", "matschig", "trub", "leblos", "fad"], excess: germanExcess, copulas: germanCopulas,
               anywhere(.init(.contrast), .init(.saturation, 0.5))),
        each(["auto tonwert", "automatische korrektur", "autokorrektur", "tonwertkorrektur",
              "belichtung korrigieren", "korrigiere die belichtung", "licht korrigieren", "beleuchtung korrigieren",
              "beleuchtung verbessern", "licht verbessern"], anywhere(.init(.autoLevels))),
        each(["qualitat verbessern", "verbessere die qualitat", "die qualitat verbessern"], .effect(enhancement, placement: .anywhere)),
        each(["weissabgleich", "farbstich entfernen", "farbstich korrigieren", "farben korrigieren",
              "farbkorrektur"], anywhere(.init(.autoWhiteBalance))),
        each(["klarheit", "details", "mehr details", "detailreicher"], anywhere(.init(.clarity))),
        each(["dunst entfernen", "dunstentfernung", "entdunsten", "schleier entfernen"], anywhere(.init(.dehaze))),
        each(["verblasst", "verblassen", "ausgeblichen", "matt", "matter look"], anywhere(.init(.fade))),
        each(["vignettierung", "vignette", "dunkle ecken", "ecken abdunkeln", "dunkle rander"], anywhere(.init(.vignette))),
        // Colour.
        each(["sattigung", "gesattigt", "satter", "satt", "sattere", "farbenfroh", "farbenfroher", "lebendig",
              "lebendiger", "lebendigere", "knallig", "knalliger", "kraftige farben", "kraftigere farben",
              "leuchtend", "leuchtender", "leuchtende farben", "farbintensiv", "intensiver"], anywhere(.init(.saturation))),
        each(["entsattigen", "entsattigt", "entsattige", "gedeckt", "gedeckte farben", "blasser"], anywhere(.init(.saturation, -1))),
        each(["dynamik", "lebendigkeit"], anywhere(.init(.vibrance))),
        each(["warme", "warmere", "warmer machen", "aufwarmen", "warme tone", "warmen tonen", "warmeren", "farbtemperatur", "goldener"],
             anywhere(.init(.temperature))),
        each(["kalter", "kalt", "kalte", "kaltere", "kuhler", "kuhl", "kuhle", "kuhlere", "abkuhlen", "kalte tone",
              "kuhlen tonen", "kuhle tone", "kalten tonen",
              "kuhle tone"], anywhere(.init(.temperature, -1))),
        each(["blau", "blauer", "blaulich"], withModifier(.init(.temperature, -0.75))),
        each(["gelb", "gelber", "gelblich"], withModifier(.init(.temperature, 0.75))),
        each(["grun", "gruner", "grunlich"], withModifier(.init(.tint, -0.75))),
        each(["rosa", "lila", "rotlich"], withModifier(.init(.tint, 0.75))),
        // A cast named as such is a complaint, removed whether or not a verb says so.
        casts(["blaustich", "blauer farbstich", "blaustichig"], anywhere(.init(.temperature, 0.75))),
        casts(["gelbstich", "gelber farbstich", "gelbstichig", "vergilbt", "gelbe weissen"], anywhere(.init(.temperature, -0.75))),
        casts(["grunstich", "gruner farbstich", "grunstichig"], anywhere(.init(.tint, 0.75))),
        casts(["magentastich", "rotstich", "rotstichig", "magentastichig"], anywhere(.init(.tint, -0.75))),
        each(["schwarz weiss", "schwarzweiss", "schwarzweissbild", "schwarzweissfoto", "s w", "monochrom",
              "graustufen", "ohne farbe", "farbe entfernen", "entfarben"], anywhere(.init(.monochrome))),
        each(["sepia", "sepiaton", "sepiatone", "altes foto", "alte fotografie"], anywhere(.init(.sepia))),
        each(["nostalgisch", "altmodisch", "im stil der 70er"],
             anywhere(.init(.temperature, 0.5), .init(.saturation, -0.5), .init(.fade), .init(.vignette, 0.5), .init(.grain, 0.5))),
        each(["analog", "analoger film", "filmlook", "analoglook"],
             anywhere(.init(.contrast, 0.5), .init(.fade, 0.5), .init(.temperature, 0.25), .init(.grain, 0.5))),
        each(["kinolook", "filmisch", "kinoreif", "kinomassig", "kinomassiger look", "kinomassiger", "kino look"], anywhere(.init(.contrast, 0.5), .init(.splitTone), .init(.vignette, 0.5))),
        // Detail.
        each(["scharfer", "scharfen", "nachscharfen", "scharfe", "scharf", "scharfere", "knackscharf", "klarer",
              "prazise", "praziser", "detailscharfe"], anywhere(.init(.sharpness))),
        each(["unscharf", "verschwommen", "verwackelt", "unscharfer", "weichzeichnen", "weichzeichner", "verwischen", "verwischt",
              "weicher", "verschwimmen", "weichgezeichnet"], anywhere(.init(.sharpness, -1))),
        each(["rauschen", "verrauscht", "bildrauschen", "rauscht", "rauscht stark"], noiseCorrection),
        each(["kornig", "krisselig"], anywhere(.init(.grain), .init(.denoise, -1))),
        each(["entrauschen", "rauschreduzierung", "rauschen entfernen", "rauschunterdruckung", "ohne rauschen",
              "entrausche"], anywhere(.init(.denoise))),
        each(["korn", "kornung", "filmkorn", "filmkornung"], anywhere(.init(.grain))),
        // Framing.
        each(["drehen", "drehe", "dreh", "rotieren", "rotiere", "drehung"], anywhere(.init(.rotate, 90))),
        each(["auf den kopf", "auf den kopf stellen", "kopfuber"], anywhere(.init(.rotate, 180))),
        each(["quadratisch", "quadrat", "quadratischer zuschnitt", "quadratisch zuschneiden"], anywhere(.init(.aspect, 1))),
        each(["nach links", "links", "linksherum", "gegen den uhrzeigersinn"], .rotationDirection(-1)),
        each(["nach rechts", "rechts", "rechtsherum", "im uhrzeigersinn"], .rotationDirection(1)),
        each(["spiegeln", "spiegle", "spiegel", "gespiegelt", "horizontal spiegeln", "waagerecht spiegeln",
              "spiegelbild"], anywhere(.init(.flipHorizontal))),
        each(["vertikal spiegeln", "senkrecht spiegeln", "vertikal gespiegelt"], anywhere(.init(.flipVertical))),
        each(["zoomen", "reinzoomen", "heranzoomen", "vergrossern", "vergrossere", "naher"], anywhere(.init(.zoom))),
        each(["rauszoomen", "herauszoomen", "verkleinern"], anywhere(.init(.zoom, -1))),
        each(["grad"], .unit(.degrees)),
        each(["prozent"], .unit(.percent)),
        each(["mal", "fach"], .unit(.times)),
        // Bars fit the whole picture inside the ratio, then fill around it.
        each(["weissen balken", "weisse balken", "mit weissen balken"], anywhere(.init(.pad), .init(.whiteBorder))),
        each(["schwarzen balken", "schwarze balken", "mit schwarzen balken"], anywhere(.init(.pad), .init(.blackBorder))),
        // Borders, never graded.
        each(["weisser rand", "weissen rand", "weisser rahmen", "weissen rahmen", "weisse umrandung", "dunnen weissen rahmen", "dunnen weissen rand"], anywhere(.init(.whiteBorder))),
        each(["schwarzer rand", "schwarzen rand", "schwarzer rahmen", "schwarzen rahmen"], anywhere(.init(.blackBorder))),
        // Grammar.
        each(["weich", "weicher look", "weiche stimmung"], anywhere(.init(.contrast, -0.5), .init(.brightness, 0.25))),
        each(["farben kraftiger", "farben satter"],
             anywhere(.init(.vibrance), .init(.saturation, 0.5))),
        each(["leichte", "leichten", "etwas", "ein bisschen", "ein wenig", "leicht", "etwas mehr", "ein klein wenig", "ein kleines bisschen",
              "dezent", "sanft", "minimal", "ganz leicht", "behutsam", "ein tick", "einen tick"], .intensity(0.5)),
        each(["sehr", "viel", "deutlich", "stark", "kraftig", "wesentlich", "erheblich", "spurbar", "ordentlich",
              "richtig", "viel mehr", "deutlich mehr", "ziemlich"], .intensity(1.5)),
        each(["extrem", "total", "komplett", "maximal", "mega", "super", "voll", "enorm", "massiv", "sehr sehr"],
             .intensity(2)),
        each(["mehr", "erhohen", "erhohe", "erhoht", "verstarken", "verstarke", "verstarkt", "anheben", "hebe",
              "hoher", "hoch", "hohe", "hinzufugen", "fuge", "hinzu", "starker", "steigern", "steigere", "betonen",
              "betone", "hervorheben", "mit mehr", "fehlt"], .polarity(.increase)),
        each(["weniger", "reduzieren", "reduziere", "reduziert", "verringern", "verringere", "senken", "senke",
              "niedriger", "niedrig", "absenken", "abschwachen", "abschwache", "dampfen", "dampfe", "runter",
              "herunter", "zurucknehmen", "entfernen", "entferne", "schwacher", "mindern"], .polarity(.decrease)),
        each(["nicht", "kein", "keine", "keinen", "keinem", "ohne", "nie", "vermeide", "vermeiden"], .polarity(.negate)),
        each(germanExcess + ["zu viel", "ubertrieben", "uberzogen"], .polarity(.excess)),
        each(germanCopulas, .polarity(.state)),
        each(["genug", "ausreichend"], .polarity(.sufficient)),
        each(["nicht ubertreiben", "ubertreib es nicht", "ubertreibe nicht", "nicht zu stark", "nicht zu viel",
              "dezent halten", "naturlich wirken", "naturlich halten", "bleib naturlich", "nichts ubertriebenes",
              "nicht ubertrieben", "mit mass", "nur dezent", "eher dezent"], .restraint),
        each(["und", "aber", "dann", "danach", "mit", "sowie", "oder", "auch", "ausserdem", "zusatzlich", "und dann",
              "anschliessend", "jedoch"], .separator),
        each(["bild", "foto", "farben", "farbe", "stil", "effekt", "stimmung", "bildes", "fotos", "tone", "farbton",
              "look", "licht", "beleuchtung", "aufnahme", "gesamtbild"], .pictureNoun),
        each(["das", "die", "der", "den", "dem", "des", "es", "ein", "eine", "einen", "einem", "einer", "bitte",
              "mach", "mache", "machen", "macht", "zum", "zur", "in", "im", "ins", "auf", "um",
              "aus", "ganz", "noch", "zu einem", "zu einer", "zu einen", "mir", "mich", "ich", "will",
              "mochte", "kannst", "du", "sie", "konnen", "konnten", "soll", "sollte", "so", "wie", "etwas mehr von",
              "gib", "gibt", "geben", "verleihe", "verleih", "anwenden", "wende", "an", "umwandeln", "wandle",
              "konvertieren", "bisschen", "insgesamt", "hier", "jetzt", "alles", "bei", "von", "vom", "uns",
              "werden", "wird", "lassen", "lass", "dieses", "diese", "meinem", "mein", "bearbeiten"], .filler),
    ].joined())

    /// Each cast, bare and with the verbs that remove it, before or after ("Gelbstich
    /// entfernen", "entferne den Gelbstich"), to the correction.
    private static func casts(_ names: [String], _ correction: LexiconMeaning) -> [(String, LexiconMeaning)] {
        let after = ["entfernen", "korrigieren", "reduzieren", "beseitigen", "weg"]
        let before = ["entferne den", "entferne", "korrigiere den", "reduziere den", "ohne", "kein", "keinen"]
        // A cast's meaning is its removal: "zu gelbstichig" complains of it, and is corrected.
        let removal = correction.asCorrection
        return names.flatMap { name in
            [(name, removal)] + after.map { ("\(name) \($0)", removal) } + before.map { ("\($0) \(name)", removal) }
        }
    }

    /// Copulas: the adjective after them states what is wrong ("das Foto ist unscharf").
    static let germanCopulas = ["ist", "sind", "wirkt", "wirken", "sieht", "erscheint"]

    /// Words that complain of the state after them ("zu dunkel", "ist sehr dunkel").
    static let germanExcess = ["zu", "ist zu", "ist sehr", "wirkt zu", "wirkt sehr", "zu sehr", "zu stark",
                               "ist zu stark", "zu kraftig", "zu hoch"]

    /// Words of generative requests, in German.
    static let germanTriggers: Set<String> = [
        "entfernen", "entferne", "loschen", "losche", "wegmachen", "hinzufugen", "fuge", "einfugen", "ersetzen",
        "ersetze", "austauschen", "tausche", "andern", "andere", "verwandle", "zeichne", "generiere", "hintergrund",
        "himmel", "gesicht", "haut", "person", "personen", "mann", "frau", "augen", "haare", "text", "logo",
        "kleidung", "hemd", "katze", "hund", "auto",
    ]
}
