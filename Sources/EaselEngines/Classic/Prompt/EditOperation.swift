/// One step of an `EditPlan`: a kind, its value (see `EditKind.Value`) and, for operations
/// that read another input, which one (1 = the second image).
public struct EditOperation: Sendable, Hashable, CustomStringConvertible {
    public let kind: EditKind
    public let value: Double
    public let reference: Int?

    public init(_ kind: EditKind, _ value: Double = 1, reference: Int? = nil) {
        self.kind = kind
        self.value = value
        self.reference = kind.usesReference ? (reference ?? 1) : nil
    }

    /// The signed strength (for strength kinds; other kinds report their value).
    public var strength: Double { value }

    public static func brightness(_ s: Double) -> Self { .init(.brightness, s) }
    public static func contrast(_ s: Double) -> Self { .init(.contrast, s) }
    public static func saturation(_ s: Double) -> Self { .init(.saturation, s) }
    public static func temperature(_ s: Double) -> Self { .init(.temperature, s) }
    public static let monochrome = EditOperation(.monochrome)

    /// The same operation with another value.
    func with(value: Double) -> EditOperation {
        EditOperation(kind, value, reference: reference)
    }

    /// Half as strong (a factor halfway to 1 on its log scale); angles, flags and framing
    /// keep their value: a restrained rotation is still a rotation.
    func softened() -> EditOperation {
        switch kind.value {
        case .strength: with(value: value * 0.5)
        case .factor where kind == .gamma: with(value: value.squareRoot())
        default: self
        }
    }

    /// Canonical text, which the interpreter reads back to the same operation:
    /// `brightness -1`, `monochrome`, `rotate 90`, `zoom 1.5`, `colour transfer from image 2`.
    public var description: String {
        var text = kind.rawValue
        switch kind.value {
        case .strength:
            if kind.isSigned || abs(value - 1) > 0.005 { text += " " + Self.signed(value) }
        case .degrees:
            text += " " + (kind == .rotate ? Self.number(value) : Self.signed(value))
        case .factor:
            text += " " + Self.number(value)
        case .flag:
            break
        case .ratio:
            text += " " + Self.ratio(value)
        }
        if let reference {
            text += (kind == .blend ? " with image " : " from image ") + "\(reference + 1)"
        }
        return text
    }

    /// `+1`, `-0.5`, `+1.25`: at most two decimals, no trailing zeros, always a sign.
    static func signed(_ value: Double) -> String {
        (value < 0 ? "-" : "+") + number(abs(value))
    }

    /// `16:9`, `4:3`, `1:1`: the smallest whole terms within 0.5 %, else two decimals to 1.
    static func ratio(_ value: Double) -> String {
        for denominator in 1...32 {
            let numerator = (value * Double(denominator)).rounded()
            if numerator >= 1, abs(numerator / Double(denominator) / value - 1) < 0.005 {
                return "\(Int(numerator)):\(denominator)"
            }
        }
        return number(value) + ":1"
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e9 else { return "0" }
        let hundredths = Int((abs(value) * 100).rounded())
        var text = "\(hundredths / 100)"
        let fraction = hundredths % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return (value < 0 && hundredths != 0 ? "-" : "") + text
    }
}
