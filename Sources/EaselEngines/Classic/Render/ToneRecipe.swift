import EaselImaging
import Foundation

/// Turns a plan's light, tone and colour operations into one `LabGrade`. Constants are
/// chosen so strength 1 is a clear but ordinary edit on a photo (see docs/CLASSIC_ENGINE.md).
struct ToneRecipe {
    /// What automatic operations measured on the image about to be graded.
    struct Measurements {
        var low: Double = 0
        var high: Double = 100
        var black: Double = 0
        /// The light's cast (see `IlluminantEstimate`).
        var castA: Double = 0
        var castB: Double = 0
    }

    let plan: EditPlan

    var needsMeasurements: Bool {
        plan.contains(.autoLevels) || plan.contains(.autoWhiteBalance) || plan.contains(.dehaze)
    }

    func grade(_ measured: Measurements) -> LabGrade {
        LabGrade(lightness: lightness(measured), affine: affine(measured), chroma: chroma, hueShift: plan.value(of: .hue) ?? 0)
    }

    private func lightness(_ m: Measurements) -> ToneCurve? {
        var curve = ToneCurve { $0 }
        for operation in plan.operations {
            let s = operation.value
            switch operation.kind {
            case .autoLevels:
                let mix = min(s, 1), span = max(m.high - m.low, 10)
                curve = curve.then { $0 + (($0 - m.low) / span * 100 - $0) * mix }
            case .dehaze:
                let lift = min(0.8 * s, 1) * m.black
                curve = curve.then { ($0 - lift) / max(0.1, 1 - lift / 100) }
            case .brightness:
                curve = curve.then { LightCurves.exposure($0, strength: s) }
            case .gamma:
                curve = curve.then { 100 * pow(max($0, 0) / 100, 1 / s) }
            case .contrast:
                let factor = s > 0 ? 1 + 0.25 * s : 1 / (1 + 0.25 * abs(s))
                curve = curve.then { 50 + ($0 - 50) * factor }
            case .highlights:
                curve = curve.then { LightCurves.highlights($0, strength: s) }
            case .shadows:
                curve = curve.then { LightCurves.shadows($0, strength: s) }
            case .fade:
                let lift = min(8 * s, 25), drop = min(5 * s, 15)
                curve = curve.then { lift + $0 * (100 - lift - drop) / 100 }
            default:
                continue
            }
            curve = curve.then { min(max($0, 0), 100) }
        }
        return curve.isIdentity ? nil : curve
    }

    private func affine(_ m: Measurements) -> LabAffine {
        var map = LabAffine.identity
        for operation in plan.operations {
            let s = operation.value
            let step: LabAffine
            switch operation.kind {
            case .autoWhiteBalance:
                let mix = min(s, 1)
                step = LabAffine(LabLinearAdjustment(aOffset: -m.castA * mix, bOffset: -m.castB * mix))
            case .dehaze:
                step = LabAffine(LabLinearAdjustment(aScale: 1 + 0.15 * s, bScale: 1 + 0.15 * s))
            case .saturation:
                let factor = s > 0 ? 1 + 0.35 * s : 1 / (1 + 0.5 * abs(s))
                step = LabAffine(LabLinearAdjustment(aScale: factor, bScale: factor))
            case .temperature:
                step = LabAffine(LabLinearAdjustment(aOffset: 2 * s, bOffset: 8 * s))
            case .tint:
                step = LabAffine(LabLinearAdjustment(aOffset: 6 * s, bOffset: -1.5 * s))
            case .monochrome:
                step = LabAffine(LabLinearAdjustment(aScale: 1 - min(s, 1), bScale: 1 - min(s, 1)))
            case .sepia:
                step = LabAffine.gradientMap(dark: (0, 12, 22), light: (100, 2, 14)).scaled(by: min(s, 1))
            case .duotone:
                step = LabAffine.gradientMap(dark: (12, 25, -50), light: (96, 4, 28)).scaled(by: min(s, 1))
            case .splitTone:
                // Shadows toward teal, highlights toward orange, mid-grey unchanged.
                let k = min(s, 2)
                step = LabAffine(matrix: [1, 0, 0, 0.2 * k, 1, 0, 0.3 * k, 0, 1], offset: [0, -10 * k, -15 * k])
            default:
                continue
            }
            map = map.then(step)
        }
        return map
    }

    /// Vibrance: chroma gains most where it is low, so skin and vivid areas stay natural.
    private var chroma: ToneCurve? {
        guard let s = plan.value(of: .vibrance) else { return nil }
        return ToneCurve(domain: 200) { c in max(0, c + 0.6 * s * c * max(0, 1 - c / 70)) }
    }
}
