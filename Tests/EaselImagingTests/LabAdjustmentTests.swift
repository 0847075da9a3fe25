import EaselImaging
import Testing

@Suite("Linear adjustment in Lab")
struct LabAdjustmentTests {
    let image: Raster

    init() throws {
        image = try Raster.synthetic(width: 64, height: 64)
    }

    @Test("L offset moves mean L* by about that much")
    func brightness() throws {
        let before = try image.statistics()
        let after = try image.adjustedInLab(LabLinearAdjustment(lOffset: 10)).statistics()
        #expect(abs(after.meanL - before.meanL - 10) < 1.5)
    }

    @Test("Contrast about the mid grey widens the L* spread")
    func contrast() throws {
        let before = try image.statistics()
        let after = try image.adjustedInLab(.lightnessContrast(1.4)).statistics()
        #expect(after.stdDevL > before.stdDevL * 1.3)
    }

    @Test("Zero a*, b* scale gives a grey image, alpha untouched")
    func monochrome() throws {
        let translucent = try Raster.synthetic(width: 32, height: 32, alpha: 77)
        let grey = try translucent.adjustedInLab(LabLinearAdjustment(aScale: 0, bScale: 0))
        #expect(grey.bands == 4)
        #expect(try grey.statistics().meanChroma < 1)
        #expect(try grey.pixel(x: 5, y: 9)[3] == 77)
    }

    @Test("b* offset warms, negative cools")
    func warmth() throws {
        let before = try image.statistics().meanB
        #expect(try image.adjustedInLab(LabLinearAdjustment(bOffset: 12)).statistics().meanB > before + 8)
        #expect(try image.adjustedInLab(LabLinearAdjustment(bOffset: -12)).statistics().meanB < before - 8)
    }

    @Test("Composition applies in order")
    func composition() {
        let first = LabLinearAdjustment(lScale: 2, lOffset: 1, bOffset: 3)
        let second = LabLinearAdjustment(lScale: 3, lOffset: -2, bScale: 0)
        let both = first.then(second)
        // L: 3·(2x + 1) − 2 = 6x + 1; b: 0·(x + 3) + 0 = 0.
        #expect(both == LabLinearAdjustment(lScale: 6, lOffset: 1, bScale: 0, bOffset: 0))
        #expect(LabLinearAdjustment.identity.then(first) == first)
    }

    @Test("Identity returns the same pixels")
    func identity() throws {
        #expect(try image.adjustedInLab(.identity).pixelBytes() == image.pixelBytes())
    }
}
