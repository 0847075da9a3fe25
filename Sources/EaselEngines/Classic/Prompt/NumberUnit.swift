/// The unit written after a number in a prompt.
enum NumberUnit: Sendable, Equatable {
    /// "20%", "20 percent": a relative change, see `EditKind.percentPerUnit`.
    case percent
    /// "90 degrees", "90°".
    case degrees
    /// "2x", "2 times": a factor.
    case times
}
