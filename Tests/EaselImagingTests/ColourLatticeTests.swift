@testable import EaselImaging
import Foundation
import Testing

/// The lattice is an approximation of the exact grade, so its error is measured: against
/// the per-pixel trip through Lab, on every kind of grade the engine builds, over random
/// colours (the whole cube, gamut edges included) and a smooth photo-like gradient.
@Suite("Colour lattice")
struct ColourLatticeTests {
    /// Brightness, contrast and warmth as the classic engine builds them at strength 1.
    static let everyday = LabGrade(
        lightness: ToneCurve { min(max(50 + ($0 + 0.2 * (100 - $0) - 50) * 1.25, 0), 100) },
        affine: LabAffine(LabLinearAdjustment(aOffset: 2, bOffset: 8)))
    static let grades: [(name: String, grade: LabGrade)] = [
        ("brightness, contrast, warmth", everyday),
        ("strong saturation", LabGrade(affine: LabAffine(LabLinearAdjustment(aScale: 1.7, bScale: 1.7)))),
        ("vibrance", LabGrade(chroma: ToneCurve(domain: 200) { max(0, $0 + 0.9 * $0 * max(0, 1 - $0 / 70)) })),
        ("hue shift", LabGrade(hueShift: 40)),
        ("sepia", LabGrade(affine: .gradientMap(dark: (8, 4, 10), light: (96, 2, 14)))),
        ("darker, cooler, faded", LabGrade(
            lightness: ToneCurve { 8 + $0 * 0.6 * 0.87 },
            affine: LabAffine(LabLinearAdjustment(aOffset: -4, bOffset: -16)))),
    ]

    /// 256 × 256 colours from a fixed-seed generator: the same on every run.
    static func randomColours() throws -> Raster {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<(256 * 256 * 3)).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        return try Raster(pixels: bytes, width: 256, height: 256, bands: 3)
    }

    /// The difference is measured as people see it, as ΔE (CIE 1976) between the two results:
    /// about 2.3 is the smallest difference an observer notices side by side. In 8-bit
    /// levels a few dark values differ more, where a level is a tiny change of light.
    @Test("Matches the exact grade: never a visible difference, under a sixth of the smallest one on average", arguments: 0..<6)
    func matchesExactGrade(index: Int) throws {
        let (name, grade) = Self.grades[index]
        for image in [try Self.randomColours(), try Raster.synthetic(width: 256, height: 256)] {
            let exact = try image.exactlyGraded(grade, localContrast: []).pixelBytes()
            let latticed = try image.mapped(through: ColourLattice(grade)).pixelBytes()
            try #require(exact.count == latticed.count)
            let differences = stride(from: 0, to: exact.count, by: 3).map { i in
                Self.deltaE(Self.lab(exact[i..<(i + 3)]), Self.lab(latticed[i..<(i + 3)]))
            }
            let worst = differences.max()!, mean = differences.reduce(0, +) / Double(differences.count)
            #expect(worst < 2.3, "\(name): ΔE \(worst) at worst")
            #expect(mean < 2.3 / 6, "\(name): ΔE \(mean) on average")
        }
    }

    /// CIE L*a*b* (D65) of an 8-bit sRGB colour, from the standard's formulas.
    static func lab(_ rgb: ArraySlice<UInt8>) -> (Double, Double, Double) {
        let linear = rgb.map { value -> Double in
            let v = Double(value) / 255
            return v <= 0.040_45 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let x = (0.412_456_4 * linear[0] + 0.357_576_1 * linear[1] + 0.180_437_5 * linear[2]) / 0.950_47
        let y = 0.212_672_9 * linear[0] + 0.715_152_2 * linear[1] + 0.072_175_0 * linear[2]
        let z = (0.019_333_9 * linear[0] + 0.119_192_0 * linear[1] + 0.950_304_1 * linear[2]) / 1.088_83
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    static func deltaE(_ p: (Double, Double, Double), _ q: (Double, Double, Double)) -> Double {
        ((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1) + (p.2 - q.2) * (p.2 - q.2)).squareRoot()
    }

    @Test("Alpha passes through, a large image takes the lattice, and the result outlives its input")
    func alphaAndRouting() throws {
        let side = 520
        #expect(side * side >= ColourLattice.worthwhilePixels)
        // The input is released at once: the lattice's output must keep it alive.
        let graded = try Raster.synthetic(width: side, height: side, alpha: 77).graded(Self.everyday)
        #expect(graded.bands == 4)
        #expect(try graded.pixel(x: 7, y: 200)[3] == 77)
        // The public entry point gives the lattice's pixels, not the exact ones.
        let latticed = try Raster.synthetic(width: side, height: side, alpha: 77).mapped(through: ColourLattice(Self.everyday))
        #expect(try graded.pixelBytes() == latticed.pixelBytes())
    }

    @Test("A lattice needs a whole number of levels between points, and RGB input")
    func rejectsBadInput() throws {
        let grey = try Raster(pixels: [UInt8](repeating: 9, count: 16), width: 4, height: 4, bands: 1)
        #expect(throws: ImagingError.self) { try grey.mapped(through: ColourLattice(Self.everyday)) }
    }
}
