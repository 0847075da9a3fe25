import EaselCore
import EaselEngines
import EaselImaging
import Testing

@Suite("Classic engine effects, measured on pixels")
struct ClassicEngineEffectTests {
    let engine = ClassicEngine()

    /// Statistics of the engine's result for `prompt`, and of the same input only fitted.
    private func measure(_ prompt: String) async throws -> (before: ImageStatistics, after: ImageStatistics) {
        try await EngineMeasurement.measure(engine, prompt)
    }

    @Test("brighter raises mean L*")
    func brighter() async throws {
        let (before, after) = try await measure("brighter")
        #expect(after.meanL > before.meanL + 3)
    }

    @Test("darker lowers mean L*")
    func darker() async throws {
        let (before, after) = try await measure("make it darker")
        #expect(after.meanL < before.meanL - 3)
    }

    @Test("more contrast widens L*")
    func contrast() async throws {
        let (before, after) = try await measure("more contrast")
        #expect(after.stdDevL > before.stdDevL * 1.15)
    }

    @Test("less contrast narrows L*")
    func lessContrast() async throws {
        let (before, after) = try await measure("less contrast")
        #expect(after.stdDevL < before.stdDevL * 0.9)
    }

    @Test("warmer raises mean b*")
    func warmer() async throws {
        let (before, after) = try await measure("warmer")
        #expect(after.meanB > before.meanB + 4)
    }

    @Test("cooler lowers mean b*")
    func cooler() async throws {
        let (before, after) = try await measure("cooler")
        #expect(after.meanB < before.meanB - 4)
    }

    @Test("more saturated raises chroma")
    func saturated() async throws {
        let (before, after) = try await measure("more saturated")
        #expect(after.meanChroma > before.meanChroma * 1.15)
    }

    @Test("desaturate lowers chroma")
    func desaturated() async throws {
        let (before, after) = try await measure("desaturate")
        #expect(after.meanChroma < before.meanChroma * 0.85)
    }

    @Test("black and white drives chroma to about 0")
    func monochrome() async throws {
        let (before, after) = try await measure("black and white")
        #expect(before.meanChroma > 20)
        #expect(after.meanChroma < 1)
    }

    @Test("slightly darker is less dark than extremely dark")
    func intensity() async throws {
        let slight = try await measure("slightly darker").after.meanL
        let extreme = try await measure("extremely darker").after.meanL
        #expect(slight > extreme + 3)
    }
}
