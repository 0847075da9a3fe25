import Testing
@testable import EaselFetch

@Suite("Refusals before any connection")
struct URLFetcherRefusalTests {
    /// Every spelling of loopback that a URL can carry: refused, and the server sees nothing.
    @Test func refusesEveryLoopbackForm() async throws {
        let fetcher = URLFetcher()
        try await TestImageServer.run { server in
            let hosts = ["127.0.0.1", "localhost", "LocalHost", "127.1", "127.0.1", "2130706433", "0x7f000001",
                         "0x7f.1", "0177.0.0.1", "017700000001", "127.0.0.%31", "[::1]", "[0:0:0:0:0:0:0:1]",
                         "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]", "[64:ff9b::127.0.0.1]",
                         "0.0.0.0", "0", "[::]", "127.255.255.254"]
            for host in hosts {
                let url = server.url("/image", host: host)
                let error = await #expect(throws: FetchError.self, "\(url)") { try await fetcher.fetch(url) }
                #expect(error?.kind == .refused, "\(url): \(String(describing: error))")
                let category = error?.addressRefusal?.category
                #expect(category == .loopback || category == .unspecified, "\(url): \(String(describing: error))")
            }
            #expect(server.paths.isEmpty)
        }
        try await fetcher.shutdown()
    }

    @Test func namesTheURLAndTheRule() async throws {
        let fetcher = URLFetcher()
        let direct = await #expect(throws: FetchError.self) { try await fetcher.fetch("http://127.0.0.1:9/x.png") }
        #expect(direct?.description ==
            "refused http://127.0.0.1:9/x.png: 127.0.0.1 is a loopback address; operators can allow its range with --fetch-allow (EASEL_FETCH_ALLOW)")
        let numeric = await #expect(throws: FetchError.self) { try await fetcher.fetch("http://2130706433:9/") }
        #expect(numeric?.description ==
            "refused http://2130706433:9/: 2130706433 resolves to 127.0.0.1, which is a loopback address; operators can allow its range with --fetch-allow (EASEL_FETCH_ALLOW)")
        try await fetcher.shutdown()
    }

    /// Literal addresses: getaddrinfo answers without a DNS query and the policy refuses before
    /// any socket is opened, so none of these ever sends a packet.
    @Test(arguments: [
        ("http://10.0.0.1/a.png", AddressCategory.privateUse),
        ("http://172.16.5.4/", .privateUse),
        ("http://192.168.1.1/", .privateUse),
        ("http://169.254.169.254/latest/meta-data/", .linkLocal),
        ("http://100.64.0.1/", .sharedAddressSpace),
        ("http://224.0.0.1/", .multicast),
        ("http://255.255.255.255/", .broadcast),
        ("http://192.0.2.1/", .documentation),
        ("http://[fe80::1]/", .linkLocal),
        ("http://[fc00::1]/", .privateUse),
        ("http://[ff02::1]/", .multicast),
        ("https://[::ffff:10.0.0.1]/", .privateUse),
        ("https://[64:ff9b::a9fe:a9fe]/", .linkLocal),
        ("http://0xa9fea9fe/", .linkLocal),
        ("http://3232235777/", .privateUse),
    ])
    func refusesInternalAddresses(url: String, category: AddressCategory) async throws {
        // Even with loopback allowed, other internal ranges stay refused.
        let fetcher = URLFetcher(policy: try AddressPolicy(allowing: ["127.0.0.0/8"]))
        let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(url) }
        #expect(error?.kind == .refused)
        #expect(error?.addressRefusal?.category == category, "\(String(describing: error))")
        try await fetcher.shutdown()
    }

    /// A name whose addresses include a forbidden one is refused outright, before connecting to
    /// any of them (here the allowed one would be the test server's loopback).
    @Test func refusesWhenAnyResolvedAddressIsForbidden() async throws {
        let policy = try AddressPolicy(allowing: ["127.0.0.0/8"])
        var resolver = HostResolver(threadPool: .singleton)
        resolver.fixedAnswers["mixed.invalid"] = [.v4(IPv4Address(127, 0, 0, 1)), .v4(IPv4Address(10, 0, 0, 1))]
        let fetcher = URLFetcher(policy: policy, limits: FetchLimits(), resolver: resolver)
        try await TestImageServer.run { server in
            let error = await #expect(throws: FetchError.self) {
                try await fetcher.fetch(server.url("/image", host: "mixed.invalid"))
            }
            #expect(error?.kind == .refused)
            #expect(error?.description.contains("mixed.invalid resolves to 10.0.0.1, which is a private-network address") == true)
            #expect(server.paths.isEmpty)
        }
        try await fetcher.shutdown()
    }

    @Test(arguments: [
        ("ftp://127.0.0.1/image.png", FetchError.Kind.refused, "the ftp: scheme is not allowed"),
        ("file:///etc/passwd", .refused, "the file: scheme is not allowed"),
        ("gopher://127.0.0.1:70/", .refused, "the gopher: scheme is not allowed"),
        ("javascript:alert(1)", .refused, "the javascript: scheme is not allowed"),
        ("ws://127.0.0.1/", .refused, "the ws: scheme is not allowed"),
        ("http://user:secret@127.0.0.1/", .refused, "user name or password"),
        ("http://user@example.com/", .refused, "user name or password"),
        ("", .invalidURL, "cannot be parsed"),
        ("example.com/image.png", .invalidURL, "no scheme"),
        ("http:///image.png", .invalidURL, "no host"),
        ("http://127.0.0.1:0/", .invalidURL, "port 0 is outside"),
        ("http://127.0.0.1:70000/", .invalidURL, "port 70000 is outside"),
        ("http://exa%00mple.com/", .invalidURL, "control characters"),
    ])
    func refusesOtherURLs(url: String, kind: FetchError.Kind, reason: String) async throws {
        let fetcher = URLFetcher(policy: try AddressPolicy(allowing: ["127.0.0.0/8"]))
        let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(url) }
        #expect(error?.kind == kind, "\(String(describing: error))")
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
        try await fetcher.shutdown()
    }

    @Test func refusesFetchesAfterShutdown() async throws {
        let fetcher = URLFetcher()
        try await fetcher.shutdown()
        let error = await #expect(throws: FetchError.self) { try await fetcher.fetch("data:,x") }
        #expect(error?.kind == .shutDown)
    }
}
