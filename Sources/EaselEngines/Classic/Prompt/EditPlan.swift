/// What the classic engine will do to an image: an explicit, inspectable list of
/// operations, at most one per kind (and reference image), in the order they apply.
///
/// Building a plan merges repeated mentions: strengths in the same direction keep the
/// strongest ("dark … darker" is one `brightness`), opposite directions add up and cancel
/// when equal; angles add, factors multiply, flags count once. Looks that leave no colour
/// (monochrome, sepia, duotone, sketch, halftone) drop the colour operations they would
/// erase, and sepia or duotone stand for monochrome.
public struct EditPlan: Sendable, Equatable, CustomStringConvertible {
    public let operations: [EditOperation]

    /// Strengths are limited to this magnitude so stacked intensity words stay sane.
    public static let maxStrength = 3.0

    public init(_ operations: [EditOperation]) {
        struct Key: Hashable { let kind: EditKind; let reference: Int? }
        var merged: [Key: Double] = [:]
        for operation in operations {
            let key = Key(kind: operation.kind, reference: operation.reference)
            let value = operation.value
            guard let existing = merged[key] else {
                merged[key] = value
                continue
            }
            switch operation.kind.value {
            case .strength:
                merged[key] = (existing < 0) == (value < 0)
                    ? (abs(value) > abs(existing) ? value : existing) : existing + value
            case .degrees: merged[key] = existing + value
            case .factor: merged[key] = existing * value
            case .flag: break
            case .ratio: merged[key] = value
            }
        }
        let kinds = Set(merged.keys.map(\.kind))
        var dropped: Set<EditKind> = []
        if kinds.contains(where: \.removesColour) {
            dropped.formUnion([.saturation, .vibrance, .hue, .splitTone])
        }
        if kinds.contains(.sepia) || kinds.contains(.duotone) {
            dropped.formUnion([.monochrome, .temperature, .tint])
        }
        if kinds.contains(.duotone) { dropped.insert(.sepia) }
        if kinds.contains(.grid) { dropped.insert(.sideBySide) }
        // One border: the last kind named wins over the others.
        if let border = operations.last(where: \.kind.isBorder)?.kind {
            dropped.formUnion(EditKind.allCases.filter { $0.isBorder && $0 != border })
        }
        self.operations = merged
            .compactMap { key, value in
                dropped.contains(key.kind) ? nil : Self.normalised(EditOperation(key.kind, value, reference: key.reference))
            }
            .sorted { ($0.kind, $0.reference ?? 0) < ($1.kind, $1.reference ?? 0) }
    }

    /// The operation with its value in range, or nil when it does nothing.
    private static func normalised(_ operation: EditOperation) -> EditOperation? {
        let value = operation.value
        guard value.isFinite else { return nil }
        switch operation.kind.value {
        case .strength:
            let capped = min(max(value, -maxStrength), maxStrength)
            if abs(capped) < 0.01 || (!operation.kind.isSigned && capped < 0) { return nil }
            return operation.with(value: operation.kind == .monochrome ? min(capped, 1) : capped)
        case .degrees:
            var angle = value.truncatingRemainder(dividingBy: 360)
            if angle > 180 { angle -= 360 }
            if angle <= -180 { angle += 360 }
            return abs(angle) < 0.01 ? nil : operation.with(value: angle)
        case .factor:
            guard value > 0 else { return nil }
            let range: ClosedRange<Double> = operation.kind == .zoom ? 0.5...4 : (1.0 / 3)...3
            let clamped = min(max(value, range.lowerBound), range.upperBound)
            return abs(clamped - 1) < 0.005 ? nil : operation.with(value: clamped)
        case .flag:
            return operation.with(value: 1)
        case .ratio:
            return (0.2...5).contains(value) ? operation : nil
        }
    }

    public static let empty = EditPlan([])

    public var isEmpty: Bool { operations.isEmpty }

    public func contains(_ kind: EditKind) -> Bool { operations.contains { $0.kind == kind } }

    public func value(of kind: EditKind) -> Double? { operations.first { $0.kind == kind }?.value }

    /// Canonical text, e.g. `brightness -1; contrast +1.5; monochrome`, or `no edits`. The
    /// interpreter reads it back to the same plan.
    public var description: String {
        isEmpty ? "no edits" : operations.map(\.description).joined(separator: "; ")
    }
}
