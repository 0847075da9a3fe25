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
        for (phrases, kinds, direction) in Self.excess
        where phrases.contains(where: { " \(words) ".contains(" \($0) ") }) {
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
}
