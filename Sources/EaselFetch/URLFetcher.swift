import NIOCore
import NIOPosix

/// Fetches user-supplied image URLs without letting them reach the server's own network (SSRF).
///
/// - Only `http:`, `https:` and `data:` URLs; no credentials in URLs.
/// - The host is resolved once with getaddrinfo; every address must pass `policy`, and the
///   connection is pinned to a checked address (AsyncHTTPClient's `dnsOverride`, which keeps TLS
///   SNI and certificate checks on the host name), so DNS rebinding cannot swap it afterwards.
/// - Redirects are followed by hand, up to `limits.maxRedirects`, each hop checked again.
/// - `limits` bound the whole fetch in time and the body in size.
///
/// Each hop uses its own short-lived `HTTPClient` (the pin is client configuration) on a shared
/// event loop group, so no pooled connection is ever reused for another host or address.
public final class URLFetcher: Sendable {
    public let policy: AddressPolicy
    public let limits: FetchLimits
    let eventLoopGroup: any EventLoopGroup
    let resolver: HostResolver
    let tracker = InFlightTracker()

    /// - Parameters:
    ///   - eventLoopGroup: runs the connections; not shut down by `shutdown()`.
    ///   - threadPool: runs the blocking getaddrinfo calls; not shut down by `shutdown()`.
    public init(
        policy: AddressPolicy = AddressPolicy(),
        limits: FetchLimits = FetchLimits(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        threadPool: NIOThreadPool = .singleton
    ) {
        self.policy = policy
        self.limits = limits
        self.eventLoopGroup = eventLoopGroup
        self.resolver = HostResolver(threadPool: threadPool)
    }

    /// For tests: a resolver with fixed answers.
    init(policy: AddressPolicy, limits: FetchLimits, resolver: HostResolver) {
        self.policy = policy
        self.limits = limits
        self.eventLoopGroup = MultiThreadedEventLoopGroup.singleton
        self.resolver = resolver
    }

    /// Fetches `url`, following redirects.
    ///
    /// - Throws: `FetchError`, or `CancellationError` when the calling task is cancelled.
    public func fetch(_ url: String) async throws -> FetchedResource {
        guard tracker.enter() else { throw FetchError.shutDown.located(at: url) }
        defer { tracker.leave() }
        if DataURLDecoder.isDataURL(url) {
            do {
                return try DataURLDecoder.decode(url, maxBytes: limits.maxBodyBytes)
            } catch {
                throw error.located(at: url)
            }
        }
        let limit = limits.totalTimeout
        return try await withTimeLimit(limit) {
            FetchError.timedOut(limit).located(at: url)
        } operation: {
            try await self.fetchFollowingRedirects(url)
        }
    }

    /// Refuses new fetches and waits for running ones to end (each within `limits.totalTimeout`).
    public func shutdown() async throws {
        await tracker.close()
    }
}
