import Testing
@testable import EaselFetch

@Suite("Redirects")
struct URLFetcherRedirectTests {
    @Test func followsARelativeRedirect() async throws {
        let fetcher = try URLFetcherLiveTests.fetcher()
        try await TestImageServer.run { server in
            server.redirect("to-image", to: server.path("/image"))
            let resource = try await fetcher.fetch(server.url("/go/to-image"))
            #expect(Array(resource.data) == TestImageServer.image)
            #expect(resource.finalURL == server.url("/image"))
            #expect(server.paths == ["/go/to-image", "/image"])
        }
        try await fetcher.shutdown()
    }

    @Test func followsUpToTheLimit() async throws {
        let fetcher = try URLFetcherLiveTests.fetcher()
        try await TestImageServer.run { server in
            let resource = try await fetcher.fetch(server.url("/chain/5"))
            #expect(resource.finalURL == server.url("/chain/0"))

            let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/chain/6")) }
            #expect(error?.kind == .redirects)
            #expect(error?.description ==
                "could not fetch \(server.url("/chain/1")) (redirected from \(server.url("/chain/6"))): it redirected more than 5 times")
        }
        try await fetcher.shutdown()
    }

    @Test func followsNoneWhenTheLimitIsZero() async throws {
        let fetcher = try URLFetcherLiveTests.fetcher(limits: FetchLimits(maxRedirects: 0))
        try await TestImageServer.run { server in
            let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/chain/1")) }
            #expect(error?.kind == .redirects)
            #expect(server.paths == ["/chain/1"])
        }
        try await fetcher.shutdown()
    }

    @Test func detectsALoop() async throws {
        let fetcher = try URLFetcherLiveTests.fetcher()
        try await TestImageServer.run { server in
            let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/loop/a")) }
            #expect(error?.kind == .redirects)
            #expect(error?.description.contains("redirect loop back to \(server.url("/loop/a"))") == true)
            #expect(server.paths == ["/loop/a", "/loop/b"])
        }
        try await fetcher.shutdown()
    }

    /// Each hop is checked again: a redirect cannot lead to an address outside the allowlist.
    @Test func rechecksTheAddressOfEveryHop() async throws {
        let fetcher = try URLFetcherLiveTests.fetcher(allowing: ["127.0.0.1/32"])
        try await TestImageServer.run { server in
            let forbidden = [
                ("other-loopback", "http://127.0.0.2:\(server.port)/image"),
                ("ipv6-loopback", "http://[::1]:\(server.port)/image"),
                ("mapped", "http://[::ffff:127.0.0.2]:\(server.port)/image"),
                ("metadata", "http://169.254.169.254/latest/meta-data/"),
                ("private", "http://10.1.2.3/"),
            ]
            for (name, location) in forbidden {
                server.redirect(name, to: location)
                let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/go/\(name)")) }
                #expect(error?.kind == .refused, "\(name): \(String(describing: error))")
                #expect(error?.description.hasPrefix("refused \(location) (redirected from \(server.url("/go/\(name)"))):") == true,
                        "\(String(describing: error))")
            }
            #expect(server.paths == forbidden.map { "/go/\($0.0)" })
        }
        try await fetcher.shutdown()
    }

    @Test func refusesRedirectsToOtherSchemes() async throws {
        let fetcher = try URLFetcherLiveTests.fetcher()
        try await TestImageServer.run { server in
            let cases = [
                ("ftp", "ftp://127.0.0.1/image.png", "the ftp: scheme is not allowed"),
                ("file", "file:///etc/passwd", "the file: scheme is not allowed"),
                ("data", "data:image/png;base64,iVBORw0KGgo=", "a redirect may not lead to a data: URL"),
            ]
            for (name, location, reason) in cases {
                server.redirect(name, to: location)
                let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/go/\(name)")) }
                #expect(error?.kind == .refused)
                #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
            }
        }
        try await fetcher.shutdown()
    }

    @Test func reportsARedirectWithoutLocation() async throws {
        let fetcher = try URLFetcherLiveTests.fetcher()
        try await TestImageServer.run { server in
            let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/no-location")) }
            #expect(error?.kind == .redirects)
            #expect(error?.description.contains("HTTP 302 redirect without a Location header") == true)
        }
        try await fetcher.shutdown()
    }
}
