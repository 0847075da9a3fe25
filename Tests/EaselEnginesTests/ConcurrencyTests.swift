import EaselAPI
import EaselCore
import EaselEngines
import Testing

@Suite("Concurrent use")
struct ConcurrencyTests {
    /// Also the measuring paths (white balance, CLAHE, grain, colour transfer), whose
    /// statistics must not depend on how threads split the work.
    @Test("Many edits at once give the same bytes as one alone", arguments: [
        "warmer, more contrast", "auto white balance, clarity, film grain", "dehaze, more vibrance",
        "use the colours of the second image",
    ])
    func parallelEdits(prompt: String) async throws {
        let engine = ClassicEngine()
        let images = [try TestInputs.photoLikePNG(), try TestInputs.gradientPNG()]
        let request = try TestInputs.request(prompt, images: images, format: .webp)
        let reference = try await engine.edit(request) { _ in }.images[0].data
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<12 {
                group.addTask { [UInt8](try await engine.edit(request) { _ in }.images[0].data) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 12)
        #expect(results.allSatisfy { $0 == [UInt8](reference) })
    }
}
