extension PromptLexicon {
    /// Spanish, in folded form (no accents: "más" is "mas", "viñeta" "vineta"). Comparatives
    /// are "más" + adjective; "demasiado" and "está muy" complain ("demasiado oscuro"
    /// brightens); "no" and "sin" negate; "quitar" and "eliminar" lessen an effect they name
    /// and are generative requests otherwise.
    static let spanishWords: [(String, LexiconMeaning)] = Array([
        // Light.
        each(["claro", "clara", "claros", "aclarar", "aclara", "aclaralo", "aclarala", "aclare", "brillo",
              "brillante", "iluminar", "ilumina", "iluminala", "iluminalo", "luminoso", "luminosa",
              "luminosidad", "exposicion", "mas luz"], anywhere(.init(.brightness))),
        states(["subexpuesta", "subexpuesto", "sub expuesta", "sub expuesto", "le falta luz", "falta de luz"],
               excess: spanishExcess, copulas: spanishCopulas, anywhere(.init(.brightness))),
        states(["sobreexpuesta", "sobreexpuesto", "sobre expuesta", "sobre expuesto", "quemada", "quemado"],
               excess: spanishExcess, copulas: spanishCopulas, anywhere(.init(.brightness, -1), .init(.highlights, -0.5))),
        each(["oscuro", "oscura", "oscuros", "oscurecer", "oscurece", "oscurecela", "oscurecelo", "oscurezca",
              "sombrio", "sombria", "tenue"], anywhere(.init(.brightness, -1))),
        each(["sombras"], withModifier(.init(.shadows))),
        each(["altas luces", "luces altas", "iluminaciones"], withModifier(.init(.highlights))),
        combining(["aclarar", "aclara", "levantar", "levanta", "abrir", "abre", "recuperar", "recupera"],
                  ["sombras"], anywhere(.init(.shadows))),
        combining(["recuperar", "recupera", "bajar", "baja"], ["altas luces", "luces altas"], anywhere(.init(.highlights, -1))),
        each(["contraste", "contrastado", "contrastada"], anywhere(.init(.contrast))),
        states(["plano", "plana", "lavado", "lavada", "deslavado", "deslavada", "apagado", "apagada", "apagados",
                "apagados", "sin vida", "descolorido", "descolorida"], excess: spanishExcess, copulas: spanishCopulas,
               anywhere(.init(.contrast), .init(.saturation, 0.5))),
        each(["niveles automaticos", "autoajuste", "ajuste automatico", "mejora automatica"], anywhere(.init(.autoLevels))),
        each(["mejorala", "mejoralo", "mejorar la foto", "mejora la foto", "mejorar la imagen", "mejora la imagen",
              "mejorar la calidad", "mejora la calidad"], .effect(enhancement, placement: .anywhere)),
        each(["balance de blancos", "equilibrio de blancos", "corregir el color", "corrige el color",
              "corregir los colores", "corrige los colores", "quitar la dominante"], anywhere(.init(.autoWhiteBalance))),
        each(["claridad", "detalle", "detalles", "mas detalle"], anywhere(.init(.clarity))),
        each(["quitar la neblina", "eliminar la neblina", "quitar la bruma", "eliminar la bruma", "sin neblina",
              "quitar el velo", "antineblina"], anywhere(.init(.dehaze))),
        each(["desvanecido", "desvanecida", "mate", "acabado mate"], anywhere(.init(.fade))),
        each(["vineta", "vineteado", "vineteo", "esquinas oscuras", "oscurecer las esquinas", "bordes oscuros"],
             anywhere(.init(.vignette))),
        // Colour.
        each(["saturacion", "saturado", "saturada", "saturados", "saturadas", "saturar", "satura", "vivo", "viva",
              "vivos", "vivas", "vivido", "vivida", "vividos", "vibrante", "vibrantes", "colorido", "colorida",
              "intenso", "intensos", "intensa", "intensas"], anywhere(.init(.saturation))),
        each(["desaturar", "desatura", "desaturado", "desaturada", "apagar los colores", "colores suaves",
              "colores tenues"], anywhere(.init(.saturation, -1))),
        each(["intensidad"], anywhere(.init(.vibrance))),
        each(["calido", "calida", "calidos", "calidas", "calidez", "caliente", "calentar", "calienta",
              "temperatura", "dorado", "dorada", "tonos calidos"], anywhere(.init(.temperature))),
        each(["frio", "fria", "frios", "frias", "enfriar", "enfria", "tonos frios", "helado", "helada"],
             anywhere(.init(.temperature, -1))),
        each(["azul", "azules", "azulado", "azulada"], withModifier(.init(.temperature, -0.75))),
        each(["amarillo", "amarilla", "amarillento", "amarillenta", "naranja", "anaranjado"], withModifier(.init(.temperature, 0.75))),
        each(["verde", "verdes", "verdoso", "verdosa"], withModifier(.init(.tint, -0.75))),
        each(["rosa", "rosado", "rosada", "morado", "rojizo", "rojiza"], withModifier(.init(.tint, 0.75))),
        each(["dominante azul", "tono azulado", "se ve azul", "se ve azulada", "se ve azulado"], anywhere(.init(.temperature, 0.75))),
        each(["dominante amarilla", "tono amarillento", "se ve amarilla", "se ve amarillo", "blancos amarillos",
              "los blancos se ven amarillos"], anywhere(.init(.temperature, -0.75))),
        // Removing a cast named as such corrects it too ("quita el tono amarillento").
        castRemovals(["el tono amarillento", "la dominante amarilla", "lo amarillo", "el amarillo"],
                     anywhere(.init(.temperature, -0.75))),
        castRemovals(["el tono azulado", "la dominante azul", "lo azul"], anywhere(.init(.temperature, 0.75))),
        castRemovals(["el tono verdoso", "la dominante verde", "lo verde"], anywhere(.init(.tint, 0.75))),
        each(["dominante verde", "tono verdoso", "se ve verde"], anywhere(.init(.tint, 0.75))),
        each(["dominante magenta", "tono rosado", "se ve rosa", "se ve rosada"], anywhere(.init(.tint, -0.75))),
        each(["blanco y negro", "blanco negro", "monocromo", "monocroma", "monocromatico", "monocromatica",
              "escala de grises", "en grises", "sin color", "quitar el color", "quita el color", "byn"],
             anywhere(.init(.monochrome))),
        each(["sepia", "tono sepia", "foto antigua", "foto vieja"], anywhere(.init(.sepia))),
        each(["vintage", "retro", "antiguo", "antigua", "nostalgico", "nostalgica", "de epoca"],
             anywhere(.init(.temperature, 0.5), .init(.saturation, -0.5), .init(.fade), .init(.vignette, 0.5), .init(.grain, 0.5))),
        each(["pelicula", "analogico", "analogica", "aspecto de pelicula"],
             anywhere(.init(.contrast, 0.5), .init(.fade, 0.5), .init(.temperature, 0.25), .init(.grain, 0.5))),
        each(["cinematografico", "cinematografica", "de cine"], anywhere(.init(.contrast, 0.5), .init(.splitTone), .init(.vignette, 0.5))),
        // Detail.
        each(["nitidez", "nitido", "nitida", "enfocar", "enfoca", "enfocala", "enfocado", "definicion", "definido",
              "definida", "afilar", "perfilar"], anywhere(.init(.sharpness))),
        each(["desenfocar", "desenfoca", "desenfoque", "desenfocado", "desenfocada", "difuminar", "difumina",
              "borroso", "borrosa", "suavizar", "suaviza", "emborronar"], anywhere(.init(.sharpness, -1))),
        each(["ruido", "ruidosa", "ruidoso", "granulado", "granulada", "granulosa", "granuloso"],
             anywhere(.init(.grain), .init(.denoise, -1))),
        each(["reduccion de ruido", "sin ruido", "limpiar el ruido", "limpia el ruido", "eliminar ruido",
              "quitar ruido", "quita ruido"], anywhere(.init(.denoise))),
        each(["grano", "grano de pelicula", "granulado de pelicula"], anywhere(.init(.grain))),
        // Framing.
        each(["rotar", "rota", "rotala", "rotalo", "girar", "gira", "girala", "giralo", "gire", "rotacion"],
             anywhere(.init(.rotate, 90))),
        each(["de cabeza", "al reves", "boca abajo"], anywhere(.init(.rotate, 180))),
        each(["cuadrado", "cuadrada", "formato cuadrado", "recorte cuadrado", "recortala cuadrada", "hazla cuadrada"], anywhere(.init(.aspect, 1))),
        each(["a la izquierda", "hacia la izquierda", "izquierda", "en sentido antihorario", "sentido antihorario",
              "antihorario"], .rotationDirection(-1)),
        each(["a la derecha", "hacia la derecha", "derecha", "en sentido horario", "sentido horario", "horario"],
             .rotationDirection(1)),
        each(["voltear", "voltea", "voltear horizontalmente", "voltea horizontalmente", "espejo", "reflejar",
              "refleja", "invertir horizontalmente", "invierte horizontalmente", "efecto espejo", "en espejo"],
             anywhere(.init(.flipHorizontal))),
        each(["voltear verticalmente", "voltea verticalmente", "invertir verticalmente", "invierte verticalmente"],
             anywhere(.init(.flipVertical))),
        each(["acercar", "acerca", "ampliar", "amplia", "acercamiento"], anywhere(.init(.zoom))),
        each(["alejar", "aleja", "alejar el zoom"], anywhere(.init(.zoom, -1))),
        each(["grados", "grado"], .unit(.degrees)),
        each(["por ciento", "porciento"], .unit(.percent)),
        each(["veces"], .unit(.times)),
        // Grammar.
        each(["un poco", "un poquito", "un poco mas", "ligeramente", "levemente", "algo", "sutil", "sutilmente",
              "suavemente", "un toque", "un toque de", "apenas", "ligero", "ligera", "leve"], .intensity(0.5)),
        each(["muy", "mucho", "mucha", "muchisimo", "bastante", "bien", "notablemente", "fuertemente", "fuerte",
              "considerablemente", "mucho mas", "bastante mas"], .intensity(1.5)),
        each(["extremadamente", "super", "totalmente", "completamente", "al maximo", "muchisimo mas", "intensamente",
              "exageradamente"], .intensity(2)),
        each(["mas", "aumentar", "aumenta", "aumente", "sube", "subir", "suba", "incrementar", "incrementa",
              "anadir", "anade", "anada", "agregar", "agrega", "agregue", "realzar", "realza", "resaltar", "resalta",
              "mayor", "alto", "alta", "potenciar", "potencia", "intensificar", "intensifica", "le falta", "falta",
              "poner", "pon", "ponle", "dale", "dar", "darle", "mejorar", "mejora"], .polarity(.increase)),
        each(["menos", "reducir", "reduce", "reduzca", "bajar", "baja", "baje", "disminuir", "disminuye",
              "disminuya", "menor", "bajo", "quitar", "quita", "quitale", "eliminar", "elimina",
              "elimine", "rebajar", "rebaja", "atenuar", "atenua", "suavizar el", "suaviza el", "suaviza la",
              "suavizar la"], .polarity(.decrease)),
        each(["no", "sin", "nunca", "evita", "evitar", "evite", "ni"], .polarity(.negate)),
        each(spanishExcess + ["en exceso", "excesivo", "excesiva", "pasado de"], .polarity(.excess)),
        each(spanishCopulas, .polarity(.state)),
        each(["suficiente", "suficientemente", "lo suficiente", "lo suficientemente"],
             .polarity(.sufficient)),
        each(["sin exagerar", "no exageres", "no te pases", "sin pasarse", "sin pasarte", "que sea sutil",
              "que se vea natural", "natural", "con moderacion", "nada exagerado", "nada drastico", "no lo exageres",
              "no demasiado"], .restraint),
        each(["y", "e", "pero", "luego", "despues", "tambien", "con", "ademas", "mientras", "asi como",
              "y luego", "y tambien"], .separator),
        each(["imagen", "foto", "fotografia", "tono", "tonos", "colores", "color", "aspecto", "estilo", "efecto",
              "filtro", "ambiente", "look", "todo", "la imagen", "la foto", "iluminacion", "luz"], .pictureNoun),
        each(["la", "el", "lo", "los", "las", "le", "les", "de", "del", "a", "al", "un", "una", "unos", "que", "sea",
              "es", "esta", "este", "esto", "por", "favor", "por favor", "hazla", "hazlo", "haz", "hacer", "hagas",
              "haga", "se", "ve", "vea", "mi", "su", "me", "quiero", "quisiera", "puedes", "podrias", "en", "para",
              "como", "o", "ponla", "ponlo", "dejala", "dejalo", "deja", "dejar", "convierte", "convertir", "convierta",
              "porfa", "tiene", "tono de", "aplicar", "aplica", "aplique", "un efecto", "ver", "hay",
              "estilo de", "poquito"], .filler),
    ].joined())

    /// Each cast after each verb that removes it ("quita el tono amarillento").
    private static func castRemovals(_ casts: [String], _ correction: LexiconMeaning) -> [(String, LexiconMeaning)] {
        let verbs = ["quita", "quitar", "quitale", "elimina", "eliminar", "corrige", "corregir", "sin"]
        return verbs.flatMap { verb in casts.map { ("\(verb) \($0)", correction) } }
    }

    /// Copulas: the adjective after them states what is wrong ("la foto está oscura").
    static let spanishCopulas = ["está", "estan", "se ve", "se ven", "se nota", "quedo", "salio", "luce", "parece"]

    /// Words that complain of the state after them ("demasiado oscuro", "está muy oscuro").
    static let spanishExcess = [
        "demasiado", "demasiada", "demasiados", "demasiadas", "excesivamente", "esta muy", "está muy", "es muy",
        "estan muy", "se ve muy", "muy muy", "esta demasiado", "está demasiado", "se ve demasiado",
    ]

    /// Words of generative requests, in Spanish.
    static let spanishTriggers: Set<String> = [
        "quitar", "quita", "quitale", "eliminar", "elimina", "elimine", "borrar", "borra", "borre",
        "anadir", "anade", "agregar", "agrega", "reemplazar", "reemplaza", "cambiar", "cambia", "cambie",
        "sustituir", "sustituye", "pon", "poner", "fondo", "cielo", "cara", "piel", "persona", "personas",
        "hombre", "mujer", "ojos", "pelo", "cabello", "texto", "logo", "ropa", "camisa", "dibuja", "dibujar",
        "genera", "generar", "gato", "perro", "coche",
    ]
}
