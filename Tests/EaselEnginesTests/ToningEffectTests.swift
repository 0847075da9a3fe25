import EaselCore
import EaselEngines
import EaselImaging
import Foundation
import Testing

/// Hue rotation, duotone and split toning on flat inputs of known colour, so each output
/// colour can be checked against where the operation should send that colour: a no-op, a
/// wrong sign or swapped colours all fail.
@Suite("Toning effects, measured on known colours")
struct ToningEffectTests {
    let engine = ClassicEngine()

    /// Lab statistics of a flat input and of the engine's output for it, after checking the
    /// prompt means `plan`.
    private func run(_ prompt: String, plan: String, on colour: (UInt8, UInt8, UInt8)) async throws
        -> (before: ImageStatistics, after: ImageStatistics) {
        let input = try TestInputs.solidPNG(red: colour.0, green: colour.1, blue: colour.2)
        let request = try TestInputs.request(prompt, images: [input])
        #expect(engine.plan(for: request).plan.description == plan)
        let output = try await engine.edit(request) { _ in }.images[0].data
        return (try Raster.decode(input).statistics(), try Raster.decode(output).statistics())
    }

    /// Hue angle of (a*, b*) in degrees, 0 ..< 360.
    private func hue(_ s: ImageStatistics) -> Double {
        let degrees = atan2(s.meanB, s.meanA) * 180 / .pi
        return degrees < 0 ? degrees + 360 : degrees
    }

    /// The signed difference `to - from` of two angles, in -180 ..< 180.
    private func turn(from: Double, to: Double) -> Double {
        (to - from + 540).truncatingRemainder(dividingBy: 360) - 180
    }

    @Test("Hue rotation turns a known hue by the angle asked, keeping lightness and chroma",
          arguments: [("rotate the hue 180 degrees", "hue +180", 180.0), ("rotate the hue 90 degrees", "hue +90", 90.0)])
    func hueRotation(prompt: String, plan: String, degrees: Double) async throws {
        // A muted orange (hue ≈ 48°, chroma ≈ 26): every rotation of it stays inside sRGB.
        let (before, after) = try await run(prompt, plan: plan, on: (160, 110, 90))
        let chroma = { (s: ImageStatistics) in (s.meanA * s.meanA + s.meanB * s.meanB).squareRoot() }
        #expect(chroma(before) > 20)
        let turned = turn(from: hue(before), to: hue(after))
        #expect(abs(abs(turned) - degrees) < 4 && (degrees == 180 || turned > 0),
                "hue \(hue(before)) became \(hue(after)): turned \(turned), not \(degrees)")
        #expect(abs(chroma(after) - chroma(before)) < 2.5, "chroma \(chroma(before)) became \(chroma(after))")
        #expect(abs(after.meanL - before.meanL) < 1.5)
    }

    @Test("Duotone maps dark tones onto the line from its dark colour (deep violet) to its light one (cream)")
    func duotone() async throws {
        // Dark and light greys; the duotone's ends are L*a*b* (12, 25, -50) and (96, 4, 28),
        // and a grey of lightness L lands L/100 of the way along.
        for grey: UInt8 in [59, 198] {
            let (before, after) = try await run("duotone", plan: "duotone", on: (grey, grey, grey))
            let t = before.meanL / 100
            let expected = (l: 12 + (96 - 12) * t, a: 25 + (4 - 25) * t, b: -50 + (28 + 50) * t)
            let found = (l: after.meanL, a: after.meanA, b: after.meanB)
            #expect(abs(found.l - expected.l) < 2 && abs(found.a - expected.a) < 2.5 && abs(found.b - expected.b) < 2.5,
                    "grey \(grey) (L* \(before.meanL)) became \(found), expected \(expected)")
        }
    }

    @Test("Teal and orange pushes shadows toward teal and highlights toward orange, leaving mid-grey")
    func tealAndOrange() async throws {
        let (_, shadow) = try await run("teal and orange", plan: "split tone", on: (59, 59, 59))
        #expect(shadow.meanA < -3 && shadow.meanB < -5, "shadows: a* \(shadow.meanA), b* \(shadow.meanB)")
        let (_, highlight) = try await run("teal and orange", plan: "split tone", on: (198, 198, 198))
        #expect(highlight.meanA > 3 && highlight.meanB > 5, "highlights: a* \(highlight.meanA), b* \(highlight.meanB)")
        let (_, mid) = try await run("teal and orange", plan: "split tone", on: (119, 119, 119))
        #expect(abs(mid.meanA) < 1.5 && abs(mid.meanB) < 1.5, "mid-grey: a* \(mid.meanA), b* \(mid.meanB)")
    }
}
