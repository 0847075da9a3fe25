import EaselCore
import EaselEngines
import EaselImaging
import Testing

/// A complaint is corrected on the pixels, in the direction that answers it: measured on a
/// photo-like input against the same input only fitted to size.
@Suite("Complaints corrected, measured on pixels")
struct ComplaintEffectTests {
    let engine = ClassicEngine()

    private func measure(_ prompt: String) async throws -> (before: ImageStatistics, after: ImageStatistics) {
        try await EngineMeasurement.measure(engine, prompt)
    }

    @Test(arguments: ["it's too dark", "not bright enough", "the photo is underexposed", "way too dark", "the photo is dark",
                      "it looks a bit dark"])
    func darknessIsBrightened(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.meanL > before.meanL + 3, "\(prompt): L* \(before.meanL) → \(after.meanL)")
    }

    @Test(arguments: ["too bright, tone it down", "it looks overexposed", "the photo is too bright"])
    func brightnessIsDimmed(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.meanL < before.meanL - 2, "\(prompt): L* \(before.meanL) → \(after.meanL)")
    }

    @Test(arguments: ["the colours are way too saturated", "oversaturated", "too saturated"])
    func saturationIsReduced(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.meanChroma < before.meanChroma * 0.85, "\(prompt): C* \(before.meanChroma) → \(after.meanChroma)")
    }

    @Test(arguments: ["too much contrast", "the contrast is too strong"])
    func contrastIsReduced(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.stdDevL < before.stdDevL * 0.9, "\(prompt): σL \(before.stdDevL) → \(after.stdDevL)")
    }

    @Test(arguments: ["washed out", "it looks flat", "not enough contrast", "the colours look faded", "it is hazy"])
    func flatnessGetsContrast(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.stdDevL > before.stdDevL * 1.1, "\(prompt): σL \(before.stdDevL) → \(after.stdDevL)")
    }

    @Test(arguments: ["the photo is too warm", "too yellow", "the whites look yellow"])
    func warmthIsCooled(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.meanB < before.meanB - 2, "\(prompt): b* \(before.meanB) → \(after.meanB)")
    }

    @Test(arguments: ["too blue", "too cold"])
    func coldnessIsWarmed(prompt: String) async throws {
        let (before, after) = try await measure(prompt)
        #expect(after.meanB > before.meanB + 2, "\(prompt): b* \(before.meanB) → \(after.meanB)")
    }

    @Test func greenIsPushedTowardMagentaAndBack() async throws {
        let (greenBefore, greenAfter) = try await measure("too green")
        #expect(greenAfter.meanA > greenBefore.meanA + 1)
        let (magentaBefore, magentaAfter) = try await measure("too magenta")
        #expect(magentaAfter.meanA < magentaBefore.meanA - 1)
    }
}
