/// How far an edit has got, as a fraction in 0…1.
public struct EditProgress: Sendable, Equatable {
    public var fraction: Double

    public init(fraction: Double) {
        self.fraction = min(max(fraction, 0), 1)
    }
}
