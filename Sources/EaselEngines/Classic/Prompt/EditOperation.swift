/// One step of an `EditPlan`. Strengths are signed: 1 is a clear, ordinary change
/// ("brighter"), 0.5 a slight one, 2 an extreme one; the sign gives the direction.
public enum EditOperation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// + brighter, − darker (also "exposure").
    case brightness(Double)
    /// + more contrast, − flatter.
    case contrast(Double)
    /// + more vivid, − more muted.
    case saturation(Double)
    /// + warmer (toward yellow/red), − cooler (toward blue).
    case warmth(Double)
    /// Black and white: colour removed entirely.
    case monochrome

    public var dimension: EditDimension {
        switch self {
        case .brightness: .brightness
        case .contrast: .contrast
        case .saturation: .saturation
        case .warmth: .warmth
        case .monochrome: .monochrome
        }
    }

    /// The signed strength; 1 for `monochrome`, which has none.
    public var strength: Double {
        switch self {
        case .brightness(let s), .contrast(let s), .saturation(let s), .warmth(let s): s
        case .monochrome: 1
        }
    }

    /// The same kind of operation with another strength.
    static func make(_ dimension: EditDimension, strength: Double) -> EditOperation {
        switch dimension {
        case .brightness: .brightness(strength)
        case .contrast: .contrast(strength)
        case .saturation: .saturation(strength)
        case .warmth: .warmth(strength)
        case .monochrome: .monochrome
        }
    }

    /// Canonical text: `brightness -1`, `contrast +1.5`, `monochrome`.
    public var description: String {
        switch self {
        case .monochrome: "monochrome"
        default: "\(dimension.rawValue) \(Self.signed(strength))"
        }
    }

    /// `+1`, `-0.5`, `+1.25`: at most two decimals, no trailing zeros, always a sign.
    static func signed(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let hundredths = Int((abs(value) * 100).rounded())
        var text = "\(hundredths / 100)"
        let fraction = hundredths % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return (value < 0 ? "-" : "+") + text
    }
}
