/// The global properties the classic engine can change. The declaration order is the
/// order in which a plan applies them.
public enum EditDimension: String, Sendable, CaseIterable, Comparable {
    case brightness
    case contrast
    case saturation
    /// Applied before warmth, so "sepia" (monochrome + warm) tints the grey image.
    case monochrome
    case warmth

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int {
        switch self {
        case .brightness: 0
        case .contrast: 1
        case .saturation: 2
        case .monochrome: 3
        case .warmth: 4
        }
    }
}
