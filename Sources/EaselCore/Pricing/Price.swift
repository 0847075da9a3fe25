/// An exact decimal amount of money in US dollars, kept as an integer count of
/// 10^-`scale` dollars so that no floating point ever touches a price.
public struct Price: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let units: Int64
    public let scale: Int

    public init(units: Int64, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// Parses a plain decimal such as `0.026`. Returns nil for anything else (signs, exponents,
    /// more than 9 decimals).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 9, !(parts.count == 2 && fraction.isEmpty),
              let value = Int64(String(parts[0]) + fraction)
        else { return nil }
        self.init(units: value, scale: fraction.count)
    }

    /// The amount for `count` items, at the same scale.
    public func times(_ count: Int) -> Price {
        Price(units: units * Int64(count), scale: scale)
    }

    /// `0.026`, `0.104`: the price's own number of decimals.
    public var description: String {
        guard scale > 0 else { return String(units) }
        var digits = String(units)
        if digits.count <= scale {
            digits = String(repeating: "0", count: scale - digits.count + 1) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        return "\(digits[..<split]).\(digits[split...])"
    }
}
