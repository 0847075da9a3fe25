/// One dimension changed by an effect, with a signed base strength.
struct EffectTerm: Sendable, Equatable {
    let dimension: EditDimension
    let weight: Double

    init(_ dimension: EditDimension, _ weight: Double = 1) {
        self.dimension = dimension
        self.weight = weight
    }
}
