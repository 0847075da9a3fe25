/// What `negative_prompt` forbids: read with the same interpreter, each operation it names
/// forbids that change in that direction ("blurry" forbids blur, "grain" forbids grain, "dark"
/// forbids darkening), and words of excess ("oversaturated", "overexposed", "too dark") cap
/// the change at a mild strength instead of forbidding it.
struct NegativePrompt {
    /// The strongest strength allowed where a change is capped, not forbidden.
    static let cap = 0.5

    private var forbidden: [EditKind: Double] = [:]
    private var capped: [EditKind: Double] = [:]

    init(_ text: String?, interpreter: PromptInterpreter) {
        guard let text, !text.isEmpty else { return }
        let words = PromptNormalizer.clauses(of: text).flatMap { $0 }.joined(separator: " ")
        // Chinese and Japanese have no spaces: their phrases are found anywhere in the text.
        let folded = PromptFolding.folded(text)
        func names(_ phrase: String) -> Bool {
            phrase.contains { WritingScript($0).isCJK } ? folded.contains(phrase) : " \(words) ".contains(" \(phrase) ")
        }
        for (phrases, kinds, direction) in Self.excess + Self.languageExcess where phrases.contains(where: names) {
            for kind in kinds { capped[kind] = direction }
        }
        for operation in interpreter.interpret(text).plan.operations where capped[operation.kind] == nil {
            forbidden[operation.kind] = operation.kind.value == .strength ? (operation.value < 0 ? -1 : 1) : 0
        }
    }

    /// `plan` without what is forbidden, with capped strengths reduced.
    func constrain(_ plan: EditPlan) -> EditPlan {
        EditPlan(plan.operations.compactMap { operation in
            let kind = operation.kind
            let sign: Double = operation.value < 0 ? -1 : 1
            if let direction = forbidden[kind], direction == 0 || direction == sign || !kind.isSigned {
                return nil
            }
            if let direction = capped[kind], direction == sign, abs(operation.value) > Self.cap {
                return operation.with(value: sign * Self.cap)
            }
            return operation
        })
    }

    private static let excess: [([String], [EditKind], Double)] = [
        (["oversaturated", "over saturated", "oversaturation", "too saturated", "too colorful", "too colourful",
          "garish"], [.saturation, .vibrance], 1),
        (["overexposed", "over exposed", "too bright", "blown out"], [.brightness], 1),
        (["underexposed", "under exposed", "too dark"], [.brightness], -1),
        (["oversharpened", "over sharpened", "too sharp", "halos"], [.sharpness], 1),
        (["too contrasty", "too much contrast", "harsh contrast"], [.contrast], 1),
    ]

    /// The same words of excess in the other languages read (folded, see `PromptFolding`).
    private static let languageExcess: [([String], [EditKind], Double)] = [
        (["过饱和", "饱和度过高", "太艳", "过艳", "彩度が高すぎ", "sobresaturado", "sobresaturada", "demasiado saturado",
          "demasiado saturada", "sursature", "sursaturee", "trop sature", "trop saturee", "ubersattigt", "zu gesattigt",
          "supersaturado", "supersaturada", "muito saturado", "muito saturada", "saturado demais"], [.saturation, .vibrance], 1),
        (["过曝", "曝光过度", "太亮", "过亮", "露出オーバー", "白飛び", "明るすぎ", "sobreexpuesta", "sobreexpuesto",
          "demasiado brillante", "demasiado claro", "surexpose", "surexposee", "trop clair", "uberbelichtet", "zu hell",
          "superexposta", "superexposto", "estourada", "muito claro", "muito clara"], [.brightness], 1),
        (["欠曝", "曝光不足", "太暗", "过暗", "露出不足", "暗すぎ", "subexpuesta", "subexpuesto", "demasiado oscuro",
          "demasiado oscura", "sous expose", "sous exposee", "trop sombre", "unterbelichtet", "zu dunkel", "subexposta",
          "subexposto", "muito escuro", "muito escura"], [.brightness], -1),
        (["锐化过度", "过度锐化", "シャープすぎ", "demasiado nitido", "trop net", "uberscharft", "zu scharf",
          "nitido demais"], [.sharpness], 1),
        (["对比度过高", "对比度太高", "コントラストが強すぎ", "demasiado contraste", "trop de contraste", "zu viel kontrast",
          "contraste demais", "muito contraste"], [.contrast], 1),
    ]
}
