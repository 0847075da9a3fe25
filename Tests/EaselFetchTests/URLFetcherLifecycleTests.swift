import Testing
@testable import EaselFetch

@Suite("Connection check and shutdown")
struct URLFetcherLifecycleTests {
    /// The last line of defence: a connection that reaches any address other than the checked
    /// one is dropped before a request is written.
    @Test func dropsAConnectionToAnUncheckedPeer() async throws {
        let fetcher = try URLFetcherLiveTests.fetcher()
        try await TestImageServer.run { server in
            let target = try HTTPTarget(parsing: server.url("/image"))
            let error = await #expect(throws: FetchError.self) {
                try await fetcher.exchange(target, pinnedTo: .v4(IPv4Address(127, 0, 0, 1)), expectedPeer: .v4(IPv4Address(127, 0, 0, 2)))
            }
            #expect(error?.kind == .unreachable)
            #expect(error?.description.contains("instead of the checked address 127.0.0.2") == true, "\(String(describing: error))")
            #expect(server.paths.isEmpty)
        }
        try await fetcher.shutdown()
    }

    /// Shutdown refuses new fetches at once but returns only after the running ones have
    /// ended: here a fetch that can end only when the test lets its server answer.
    @Test func shutdownWaitsForRunningFetches() async throws {
        let fetcher = try URLFetcherLiveTests.fetcher(limits: FetchLimits(totalTimeout: .seconds(60)))
        try await TestImageServer.run { server in
            let running = Task { try await fetcher.fetch(server.url("/held")) }
            try await Self.eventually("the fetch to reach the server") { server.paths == ["/held"] }
            let events = EventLog()
            let shutdown = Task {
                try await fetcher.shutdown()
                events.append("shutdown returned")
            }
            // A data: URL never reaches the server, so polling leaves its record alone.
            try await Self.eventually("shutdown to refuse new fetches") {
                do {
                    _ = try await fetcher.fetch("data:,x")
                    return false
                } catch let error as FetchError {
                    return error.kind == .shutDown
                }
            }
            events.append("server answers")
            server.record.release()
            try await shutdown.value
            #expect(events.all == ["server answers", "shutdown returned"])
            // The running fetch was let finish, not cut off.
            #expect(try await running.value.data.count == TestImageServer.image.count)
            #expect(server.paths == ["/held"])
        }
    }

    /// Polls `condition` until it holds; fails after 30 s instead of hanging.
    static func eventually(_ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TimedOut(what: what)
    }

    struct TimedOut: Error, CustomStringConvertible {
        let what: String
        var description: String { "timed out waiting for \(what)" }
    }
}
