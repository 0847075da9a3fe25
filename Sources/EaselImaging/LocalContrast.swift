/// One pass of local contrast on L*: tiled CLAHE (tiles of about `window` pixels, clip at
/// 3 × the mean bin) mixed into the lightness by `amount` (0…1). Colour is kept.
public struct LocalContrast: Sendable, Equatable {
    public var window: Int
    public var amount: Double

    public init(window: Int, amount: Double) {
        self.window = window
        self.amount = amount
    }
}
