import EaselAPI
import EaselCore
import EaselEngines
import Testing

@Suite("Concurrent use")
struct ConcurrencyTests {
    @Test("Many edits at once give the same bytes as one alone")
    func parallelEdits() async throws {
        let engine = ClassicEngine()
        let request = try TestInputs.request("warmer, more contrast", format: .webp)
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
