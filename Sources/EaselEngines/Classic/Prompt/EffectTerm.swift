/// One operation kind changed by an effect phrase, with its signed base weight: a strength
/// for strength kinds, degrees for angles, an exponent of 1.25 for factors ("zoom in" 1 is
/// ×1.25, "zoom out" −1 is ÷1.25).
struct EffectTerm: Sendable, Equatable {
    let kind: EditKind
    let weight: Double

    init(_ kind: EditKind, _ weight: Double = 1) {
        self.kind = kind
        self.weight = weight
    }
}
