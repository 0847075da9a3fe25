import Foundation

/// How the images of one request differ when `num_images` > 1: image 1 is the plan as
/// written; images 2, 3 and 4 scale every graded strength by 0.5, 1.5 and 2 (factors are
/// raised to that power), and each image seeds its grain differently. Angles, flips and
/// layouts are the same in all of them.
enum VariantLadder {
    static let scales: [Double] = [1, 0.5, 1.5, 2]

    static func plan(_ plan: EditPlan, variant: Int) -> EditPlan {
        let scale = scales[min(max(variant, 0), scales.count - 1)]
        guard scale != 1 else { return plan }
        return EditPlan(plan.operations.map { operation in
            switch operation.kind.value {
            case .strength: operation.with(value: operation.value * scale)
            case .factor: operation.with(value: pow(operation.value, scale))
            case .degrees, .flag, .ratio: operation
            }
        })
    }

    /// A stable seed from the request when none was given: the same prompt gives the same grain.
    static func seed(explicit: UInt64?, prompt: String, negative: String?, variant: Int) -> UInt32 {
        var hash: UInt64 = explicit ?? 0xcbf2_9ce4_8422_2325
        if explicit == nil {
            for byte in (prompt + "\u{0}" + (negative ?? "")).utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        hash = hash &+ UInt64(variant) &* 0x9E37_79B9_7F4A_7C15
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
