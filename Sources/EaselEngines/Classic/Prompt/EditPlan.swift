/// What the classic engine will do to an image: an explicit, inspectable list of global
/// operations, at most one per `EditDimension`, in the order they apply.
///
/// Building a plan merges repeated mentions: the same direction keeps the strongest
/// ("dark … darker" is one `brightness`), opposite directions add up and cancel when
/// equal. Saturation is dropped under `monochrome`, where it would change nothing.
public struct EditPlan: Sendable, Equatable, CustomStringConvertible {
    public let operations: [EditOperation]

    /// Strengths are limited to this magnitude so stacked intensity words stay sane.
    public static let maxStrength = 3.0

    public init(_ operations: [EditOperation]) {
        var merged: [EditDimension: Double] = [:]
        for operation in operations {
            let dimension = operation.dimension
            let strength = operation.strength
            guard let existing = merged[dimension] else {
                merged[dimension] = strength
                continue
            }
            if dimension == .monochrome {
                continue
            } else if (existing < 0) == (strength < 0) {
                merged[dimension] = abs(strength) > abs(existing) ? strength : existing
            } else {
                merged[dimension] = existing + strength
            }
        }
        if merged[.monochrome] != nil {
            merged[.saturation] = nil
        }
        self.operations = merged
            .filter { $0.key == .monochrome || abs($0.value) >= 0.01 }
            .sorted { $0.key < $1.key }
            .map { .make($0.key, strength: min(max($0.value, -Self.maxStrength), Self.maxStrength)) }
    }

    public static let empty = EditPlan([])

    public var isEmpty: Bool { operations.isEmpty }

    /// Canonical text, e.g. `brightness -1; contrast +1.5; monochrome`, or `no edits`.
    public var description: String {
        isEmpty ? "no edits" : operations.map(\.description).joined(separator: "; ")
    }
}
