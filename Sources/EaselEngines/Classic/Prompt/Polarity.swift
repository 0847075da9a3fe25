/// How a modifier sets the direction of the effect after it.
enum Polarity: Sendable, Equatable {
    /// "more", "increase", "high": keeps the effect's direction.
    case increase
    /// "less", "reduce", "low": reverses it at full strength.
    case decrease
    /// "not", "no": reverses it at half strength ("not so dark" is a little brighter).
    case negate
    /// "too", "overly": a complaint, corrected by the opposite edit ("too dark" brightens).
    /// After a negation it is restraint instead: "don't make it too bright" brightens a little.
    case excess
    /// A copula ("está", "est", "ist"): the adjective after it states what is wrong with the
    /// picture, a complaint corrected like "too"; "est trop sombre" is one complaint, not two.
    case state
    /// "enough" after a negation: "not bright enough" asks for more, at full strength.
    case sufficient
}
