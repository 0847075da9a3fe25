import EaselFetch
import ServiceLifecycle

/// Closes the fetcher's connections when the process shuts down.
struct FetcherLifecycle: Service, CustomStringConvertible {
    let fetcher: URLFetcher
    var description: String { "FetcherLifecycle" }

    func run() async throws {
        try? await gracefulShutdown()
        try await fetcher.shutdown()
    }
}
