import Foundation
import Testing
@testable import EaselFetch

/// Fetches through a real socket from the loopback test server, with loopback allowlisted.
@Suite("Fetching from a live server")
struct URLFetcherLiveTests {
    /// Time limits far above the defaults unless a test sets its own: these tests are about
    /// what is fetched, and the whole suite shares two cores with the diffusion runners (a
    /// five-redirect chain once took over 20 s there).
    static let roomyLimits = FetchLimits(totalTimeout: .seconds(120), connectTimeout: .seconds(30))

    static func fetcher(allowing allowlist: [String] = ["127.0.0.0/8"], limits: FetchLimits = roomyLimits) throws -> URLFetcher {
        URLFetcher(policy: try AddressPolicy(allowing: allowlist), limits: limits)
    }

    @Test func fetchesAnAllowlistedImage() async throws {
        let fetcher = try Self.fetcher()
        try await TestImageServer.run { server in
            let resource = try await fetcher.fetch(server.url("/image"))
            #expect(Array(resource.data) == TestImageServer.image)
            #expect(resource.contentType == "image/png")
            #expect(resource.finalURL == server.url("/image"))
            #expect(server.paths == ["/image"])
        }
        try await fetcher.shutdown()
    }

    /// Numeric and named forms reach the same checked address once allowlisted.
    @Test func fetchesThroughOtherHostForms() async throws {
        let fetcher = try Self.fetcher(allowing: ["127.0.0.0/8", "::1/128"])
        try await TestImageServer.run { server in
            for host in ["2130706433", "127.1", "0x7f000001", "localhost", "[::ffff:127.0.0.1]"] {
                let resource = try await fetcher.fetch(server.url("/image", host: host))
                #expect(resource.data.count == TestImageServer.image.count, "\(host)")
            }
            #expect(server.paths.count == 5)
        }
        try await fetcher.shutdown()
    }

    /// The connection goes to the address the fetcher resolved and checked, not to one the HTTP
    /// client looks up again: this name has no DNS entry at all, so only the pin can reach the server.
    /// TLS and the Host header keep the original name.
    @Test func connectsToTheCheckedAddressOnly() async throws {
        var resolver = HostResolver(threadPool: .singleton)
        resolver.fixedAnswers["pinned.invalid"] = [.v4(IPv4Address(127, 0, 0, 1))]
        let fetcher = URLFetcher(policy: try AddressPolicy(allowing: ["127.0.0.1"]), limits: FetchLimits(), resolver: resolver)
        try await TestImageServer.run { server in
            let resource = try await fetcher.fetch(server.url("/image", host: "pinned.invalid"))
            #expect(resource.data.count == TestImageServer.image.count)
            #expect(server.record.authorities == ["pinned.invalid:\(server.port)"])
        }
        try await fetcher.shutdown()
    }

    @Test func acceptsABodyExactlyAtTheLimit() async throws {
        let fetcher = try Self.fetcher(limits: FetchLimits(maxBodyBytes: TestImageServer.image.count))
        try await TestImageServer.run { server in
            let resource = try await fetcher.fetch(server.url("/image"))
            #expect(resource.data.count == TestImageServer.image.count)
        }
        try await fetcher.shutdown()
    }

    @Test func refusesADeclaredOversizeBody() async throws {
        let fetcher = try Self.fetcher(limits: FetchLimits(maxBodyBytes: 1024 * 1024))
        try await TestImageServer.run { server in
            let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/big-declared")) }
            #expect(error?.kind == .tooLarge)
            #expect(error?.description == "refused \(server.url("/big-declared")): its Content-Length of 2 MiB exceeds the 1 MiB limit")
        }
        try await fetcher.shutdown()
    }

    /// Without Content-Length the cap applies while streaming, and reading stops there.
    @Test func stopsReadingAnOversizeStream() async throws {
        let fetcher = try Self.fetcher(limits: FetchLimits(maxBodyBytes: 256 * 1024))
        try await TestImageServer.run { server in
            let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/big-streamed")) }
            #expect(error?.kind == .tooLarge)
            #expect(error?.description.contains("its body exceeds the 256 KiB limit; stopped reading") == true)
            #expect(server.record.streamedChunks < TestImageServer.streamedChunkCount)
        }
        try await fetcher.shutdown()
    }

    @Test(arguments: ["/slow", "/drip"])
    func givesUpAtTheTotalTimeLimit(path: String) async throws {
        let fetcher = try Self.fetcher(limits: FetchLimits(totalTimeout: .milliseconds(400)))
        try await TestImageServer.run { server in
            let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url(path)) }
            #expect(error?.kind == .timedOut)
            #expect(error?.description == "could not fetch \(server.url(path)): it took longer than the 400 ms limit")
        }
        try await fetcher.shutdown()
    }

    @Test func reportsHTTPErrors() async throws {
        let fetcher = try Self.fetcher()
        try await TestImageServer.run { server in
            let missing = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/missing.png")) }
            #expect(missing?.kind == .httpStatus)
            #expect(missing?.httpStatus == 404)
            #expect(missing?.description == "could not fetch \(server.url("/missing.png")): the server answered HTTP 404 Not Found")
            let failing = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/fail")) }
            #expect(failing?.httpStatus == 500)
        }
        try await fetcher.shutdown()
    }

    @Test func reportsARefusedConnection() async throws {
        let fetcher = try Self.fetcher()
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let error = await #expect(throws: FetchError.self) { try await fetcher.fetch("http://127.0.0.1:1/image") }
        #expect(error?.kind == .unreachable, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("could not fetch http://127.0.0.1:1/image: connecting to 127.0.0.1 failed") == true)
        try await fetcher.shutdown()
    }
}
