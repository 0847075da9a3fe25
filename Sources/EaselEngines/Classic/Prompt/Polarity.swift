/// How a modifier sets the direction of the effect after it.
enum Polarity: Sendable, Equatable {
    /// "more", "increase", "high": keeps the effect's direction.
    case increase
    /// "less", "reduce", "low": reverses it at full strength.
    case decrease
    /// "not", "no": reverses it at half strength ("not so dark" is a little brighter).
    case negate
}
