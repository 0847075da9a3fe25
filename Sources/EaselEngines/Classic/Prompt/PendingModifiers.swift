/// Modifiers read in a clause and waiting for the effect they qualify.
struct PendingModifiers {
    private(set) var intensity: Double = 1
    private(set) var hasIntensity = false
    /// −1 after "less"/"not", +1 otherwise; two reversals cancel ("not less").
    private(set) var sign: Double = 1
    private(set) var hasPolarity = false
    /// Negation softens as well as reverses: "not so dark" is a little brighter.
    private(set) var halved = false
    /// Words read since the last modifier; past `ClauseReader.modifierReach` they lapse.
    private var distance = 0

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
        }
        hasPolarity = true
        distance = 0
    }

    /// A word that is neither a modifier nor an effect.
    mutating func skipWord() {
        guard hasIntensity || hasPolarity else { return }
        distance += 1
        if distance > ClauseReader.modifierReach {
            self = PendingModifiers()
        }
    }
}
