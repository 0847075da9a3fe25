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

    /// Shutdown refuses new fetches and waits for running ones, which end within the time limit.
    @Test func shutdownWaitsForRunningFetches() async throws {
        let fetcher = try URLFetcherLiveTests.fetcher(limits: FetchLimits(totalTimeout: .milliseconds(500)))
        try await TestImageServer.run { server in
            let started = ContinuousClock.now
            let running = Task { try await fetcher.fetch(server.url("/slow")) }
            // Wait until the request is in flight (at most 5 s), so shutdown has something to wait for.
            for _ in 0..<250 where server.paths.isEmpty {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(server.paths == ["/slow"])
            try await fetcher.shutdown()
            // The fetch began after `started` and could only end at its 500 ms limit (the server
            // never answers in time), so shutdown returning earlier would mean it did not wait.
            #expect(ContinuousClock.now - started >= .milliseconds(500))
            let result = await running.result
            #expect(throws: FetchError.self) { try result.get() }
            let later = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/image")) }
            #expect(later?.kind == .shutDown)
            #expect(server.paths == ["/slow"])
        }
    }
}
