/// A number read from a prompt, waiting for the effect it qualifies.
struct PromptNumber: Sendable, Equatable {
    var value: Double
    var unit: NumberUnit?
    /// Whether it was written with a sign ("+20%", "-0.5").
    var signed: Bool

    /// The value for an operation of `kind` whose phrase has sign `direction` (±1), as a
    /// strength, an angle or a factor. Bare numbers up to `EditPlan.maxStrength` are
    /// strengths; larger ones (and any percentage) are percentages.
    func value(for kind: EditKind, direction: Double) -> Double {
        let magnitude = abs(value)
        let sign = (value < 0 ? -1.0 : 1.0) * direction
        switch kind.value {
        case .strength:
            let strength = unit == .percent || magnitude > EditPlan.maxStrength
                ? magnitude / kind.percentPerUnit : magnitude
            return sign * strength
        case .degrees:
            return sign * magnitude
        case .factor:
            guard magnitude > 0 else { return 1 }
            // "zoom in 20%" is ×1.2; "zoom 2x" and "gamma 1.2" are the factor itself.
            let factor = unit == .percent ? 1 + magnitude / 100 : magnitude
            return sign < 0 ? 1 / factor : factor
        case .flag:
            return 1
        case .ratio:
            return magnitude
        }
    }
}
