import EaselEngines
import Testing

/// Decodes reserve their worst case and wait, in order, until the budget has room.
@Suite struct DecodeBudgetTests {
    /// Polls a condition the code under test makes true, without assuming how long it takes.
    static func until(_ condition: () -> Bool) async throws {
        for _ in 0..<10_000 where !condition() { try await Task.sleep(for: .milliseconds(1)) }
        #expect(condition())
    }

    @Test func reservationsWaitInOrderForRoom() async throws {
        let budget = DecodeBudget(bytes: 100)
        let (release, releaseNow) = AsyncStream.makeStream(of: Void.self)
        let (entered, enter) = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await budget.withReservation(60) {
                enter.yield()
                for await _ in release { break }
            }
        }
        // The holder has its reservation before the next decode asks for one.
        for await _ in entered { break }
        let large = Task { try await budget.withReservation(60) { "large" } }
        try await Self.until { budget.waiting == 1 }
        // 30 would fit beside the holder, but it may not overtake the larger decode waiting first.
        let small = Task { try await budget.withReservation(30) { "small" } }
        try await Self.until { budget.waiting == 2 }
        large.cancel()
        #expect(try await small.value == "small", "once the larger waiter left, the smaller one fits")
        await #expect(throws: CancellationError.self) { try await large.value }
        releaseNow.yield()
        try await holder.value
        // More than the whole budget still runs, alone.
        #expect(try await budget.withReservation(1_000) { "alone" } == "alone")
        #expect(budget.waiting == 0)
    }
}
