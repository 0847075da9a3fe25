import EaselImaging

extension EditPlan {
    /// The whole plan as one linear map in Lab, composed in plan order.
    ///
    /// Constants are chosen so strength 1 is a clear but ordinary edit on a photo:
    /// brightness 1 moves mid-grey L* by 7.5; contrast 1 widens L* by 25 % about mid-grey;
    /// saturation 1 scales chroma by 1.35; warmth 1 shifts b* by 8 and a* by 2.
    public var labAdjustment: LabLinearAdjustment {
        operations.reduce(LabLinearAdjustment.identity) { $0.then(Self.adjustment(for: $1)) }
    }

    static func adjustment(for operation: EditOperation) -> LabLinearAdjustment {
        switch operation {
        case .brightness(let s):
            // Brightening scales L* toward white, darkening toward black: white stays
            // white and black stays black, so nothing clips and no black is lifted to grey.
            let f = min(0.15 * abs(s), 0.6)
            return s > 0
                ? LabLinearAdjustment(lScale: 1 - f, lOffset: 100 * f)
                : LabLinearAdjustment(lScale: 1 - f)
        case .contrast(let s):
            let factor = s > 0 ? 1 + 0.25 * s : 1 / (1 + 0.25 * abs(s))
            return .lightnessContrast(factor)
        case .saturation(let s):
            let factor = s > 0 ? 1 + 0.35 * s : 1 / (1 + 0.5 * abs(s))
            return LabLinearAdjustment(aScale: factor, bScale: factor)
        case .warmth(let s):
            return LabLinearAdjustment(aOffset: 2 * s, bOffset: 8 * s)
        case .monochrome:
            return LabLinearAdjustment(aScale: 0, bScale: 0)
        }
    }
}
