import Foundation

/// Modifiers read in a clause and waiting for the effect they qualify.
struct PendingModifiers: Sendable, Equatable {
    private(set) var intensity: Double = 1
    private(set) var hasIntensity = false
    /// −1 after "less"/"not", +1 otherwise; two reversals cancel ("not less").
    private(set) var sign: Double = 1
    private(set) var hasPolarity = false
    /// Negation softens as well as reverses: "not so dark" is a little brighter.
    private(set) var halved = false
    /// A copula made what follows a complaint ("la foto está oscura"), which a word of excess
    /// after it repeats rather than reverses ("c'est trop sombre").
    private var stated = false
    /// "too", "overly" or a copula made the effect a complaint to correct (not restraint:
    /// "not too bright" is none).
    private(set) var isComplaint = false
    /// "+20%", "90 degrees", "2x".
    var number: PromptNumber?
    /// −1 after "counterclockwise", "to the left".
    var rotation: Double = 1
    /// Words read since the last modifier; past `ClauseReader.modifierReach` they lapse.
    private var distance = 0

    var isEmpty: Bool { !hasIntensity && !hasPolarity && number == nil && rotation == 1 }

    mutating func add(intensity factor: Double) {
        intensity *= factor
        hasIntensity = true
        distance = 0
    }

    mutating func add(polarity: Polarity) {
        switch polarity {
        case .increase: break
        case .decrease: sign = -sign
        case .negate:
            sign = -sign
            halved = true
        case .excess:
            // After "not"/"don't" the two reversals cancel and the half strength stays.
            if stated { stated = false } else { sign = -sign }
            isComplaint = !halved
        case .state:
            guard !hasPolarity else { return }
            sign = -sign
            stated = true
            isComplaint = true
        case .sufficient:
            guard isNegated else { return }
            sign = -sign
            halved = false
        }
        hasPolarity = true
        distance = 0
    }

    /// A negation is waiting: reversed at half strength.
    var isNegated: Bool { halved && sign < 0 }

    /// Modifiers read after an effect with nothing else to qualify ("the contrast is too
    /// strong", "saturation a bit lower") apply to that effect.
    mutating func absorb(_ trailing: PendingModifiers) {
        sign *= trailing.sign
        halved = halved || trailing.halved
        isComplaint = isComplaint || trailing.isComplaint
        if trailing.hasIntensity { add(intensity: trailing.intensity) }
        hasPolarity = hasPolarity || trailing.hasPolarity
    }

    mutating func add(number: PromptNumber) {
        self.number = number
        distance = 0
    }

    /// A word that is neither a modifier nor an effect.
    mutating func skipWord() {
        guard !isEmpty else { return }
        distance += 1
        if distance > ClauseReader.modifierReach {
            self = PendingModifiers()
        }
    }

    /// The value `term` takes under these modifiers, or nil when it asks for nothing
    /// (a negated look, flip or rotation).
    func value(of term: EffectTerm) -> Double? {
        let kind = term.kind
        let soften = halved ? 0.5 : 1
        let direction: Double = (term.weight < 0 ? -1 : 1) * sign
        let value: Double
        switch kind.value {
        case .strength:
            // A negative look is kept: it cancels the same look named earlier, and the plan
            // drops whatever is left below zero.
            value = number?.value(for: kind, direction: direction) ?? term.weight * intensity * sign * soften
        case .degrees:
            if halved { return nil }
            let turn = direction * rotation
            value = number?.value(for: kind, direction: turn)
                ?? abs(term.weight) * turn * (kind == .hue ? intensity : 1)
        case .factor:
            value = number?.value(for: kind, direction: direction)
                ?? pow(1.25, term.weight * intensity * sign * soften)
        case .flag:
            if sign < 0 { return nil }
            value = 1
        case .ratio:
            if sign < 0 { return nil }
            value = term.weight
        }
        return value
    }
}
