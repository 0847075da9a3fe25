#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AsyncHTTPClient
import NIOCore

extension URLFetcher {
    enum HopOutcome: Sendable {
        case resource(FetchedResource)
        case redirect(location: String)
    }

    /// Redirect statuses that carry a Location to follow; others (300, 304, ...) are errors.
    private static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    /// A host with several addresses gets a few tries; the total time limit bounds them anyway.
    private static let maxAddressesTried = 4

    func fetchFollowingRedirects(_ url: String) async throws -> FetchedResource {
        var current = url
        var visited: Set<String> = [url]
        var redirects = 0
        while true {
            do {
                let target = try HTTPTarget(parsing: current, isRedirect: redirects > 0)
                switch try await fetchHop(target) {
                case .resource(let resource):
                    return resource
                case .redirect(let location):
                    guard let next = HTTPTarget.resolve(location: location, against: current) else {
                        throw FetchError.invalidRedirect(location)
                    }
                    guard redirects < limits.maxRedirects else { throw FetchError.tooManyRedirects(limit: limits.maxRedirects) }
                    guard visited.insert(next).inserted else { throw FetchError.redirectLoop(to: next) }
                    redirects += 1
                    current = next
                }
            } catch let error as FetchError {
                throw error.located(at: current, from: url)
            }
        }
    }

    /// One request: resolve, check every address, then try the checked addresses in order.
    private func fetchHop(_ target: HTTPTarget) async throws -> HopOutcome {
        try await withCheckedAddress(of: target) { address in
            try await self.exchange(target, pinnedTo: address)
        }
    }

    /// Resolves `target`'s host, refuses it when any address is forbidden, and runs `attempt`
    /// against the checked addresses in order until one connects.
    func withCheckedAddress<T: Sendable>(
        of target: HTTPTarget, _ attempt: (IPAddress) async throws -> T
    ) async throws -> T {
        let eventLoop = eventLoopGroup.next()
        let addresses = try await resolver.resolve(target.host, on: eventLoop)
        guard !addresses.isEmpty else { throw FetchError.noAddresses(host: target.host) }
        // All of them, not just the one used: a name that also points inside is refused outright.
        for address in addresses {
            if let refusal = policy.refusal(for: address) {
                throw FetchError.refused(host: target.host, refusal)
            }
        }
        var lastFailure: FetchError?
        for address in addresses.prefix(Self.maxAddressesTried) {
            do {
                return try await attempt(address)
            } catch let error as FetchError where error.isConnectionFailure {
                try Task.checkCancellation()
                lastFailure = error
            }
        }
        throw lastFailure ?? FetchError.noAddresses(host: target.host)
    }

    /// One request on a client of its own, pinned to `address`. `expectedPeer` differs from
    /// `address` only in tests of the connection check.
    func exchange(_ target: HTTPTarget, pinnedTo address: IPAddress, expectedPeer: IPAddress? = nil) async throws -> HopOutcome {
        try await withPinnedClient(target, address: address, expectedPeer: expectedPeer ?? address) { client in
            try await self.perform(target, pinnedTo: address, on: client)
        }
    }

    /// Runs `body` with a client of its own whose connections can only go to `address`.
    func withPinnedClient<T: Sendable>(
        _ target: HTTPTarget, address: IPAddress, expectedPeer: IPAddress,
        _ body: (HTTPClient) async throws -> T
    ) async throws -> T {
        let configuration = clientConfiguration(for: target, pinnedTo: address, expectedPeer: expectedPeer)
        let client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(client))
        } catch {
            outcome = .failure(error)
        }
        do {
            try await client.shutdown()
        } catch {
            // After a failed exchange the first error is the one worth reporting; after a good
            // one a failed shutdown means connections may be left open, which must not pass silently.
            if case .success = outcome {
                throw FetchError.transferFailed("closing the connection failed: \(error)")
            }
        }
        return try outcome.get()
    }

    private func clientConfiguration(
        for target: HTTPTarget,
        pinnedTo address: IPAddress,
        expectedPeer: IPAddress
    ) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: TimeAmount(limits.connectTimeout)),
            decompression: .disabled  // a compressed body could expand far past maxBodyBytes
        )
        // AsyncHTTPClient looks up IPv6 literals with brackets and names without; set both so the
        // pin applies whichever form the host takes.
        configuration.dnsOverride = [target.host: address.description, "[\(target.host)]": address.description]
        // Fail fast on a refused connection so the next checked address (or the error) comes at once.
        configuration.connectionPool.retryConnectionEstablishment = false
        let peer = PinnedPeer(expected: expectedPeer)
        configuration.http1_1ConnectionDebugInitializer = { peer.verify($0) }
        configuration.http2ConnectionDebugInitializer = { peer.verify($0) }
        return configuration
    }

    private func perform(_ target: HTTPTarget, pinnedTo address: IPAddress, on client: HTTPClient) async throws -> HopOutcome {
        var request = HTTPClientRequest(url: target.url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: "Easel-Fetch/1")
        request.headers.add(name: "Accept", value: "image/*, */*;q=0.5")

        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: TimeAmount(limits.totalTimeout))
        } catch {
            throw Self.connectionError(error, address: address, limits: limits)
        }

        let code = Int(response.status.code)
        if Self.redirectStatuses.contains(code) {
            guard let location = response.headers.first(name: "location") else {
                throw FetchError.redirectWithoutLocation(code)
            }
            return .redirect(location: location)
        }
        guard (200...299).contains(code) else {
            throw FetchError.httpStatus(code, response.status.reasonPhrase)
        }
        let declared = response.headers.first(name: "content-length").flatMap { Int($0) }
        if let declared, declared > limits.maxBodyBytes {
            throw FetchError.declaredTooLarge(declared, limit: limits.maxBodyBytes)
        }

        var data = Data()
        if let declared, declared > 0 { data.reserveCapacity(declared) }
        do {
            for try await chunk in response.body {
                // Checked before appending: nothing past the cap is ever buffered.
                guard chunk.readableBytes <= limits.maxBodyBytes - data.count else {
                    throw FetchError.tooLarge(limit: limits.maxBodyBytes)
                }
                chunk.withUnsafeReadableBytes { data.append(contentsOf: $0) }
            }
        } catch let error as FetchError {
            throw error
        } catch {
            try Task.checkCancellation()
            throw FetchError.transferFailed("reading the body failed: \(error)")
        }
        // A cancelled body stream may end early without an error; never return a truncated body.
        try Task.checkCancellation()
        return .resource(FetchedResource(
            data: data,
            contentType: response.headers.first(name: "content-type"),
            finalURL: target.url
        ))
    }

    /// Errors before a response head: the connection could not be made or was lost.
    static func connectionError(_ error: any Error, address: IPAddress, limits: FetchLimits) -> any Error {
        if let error = error as? FetchError { return error }
        if error is CancellationError { return error }
        if let error = error as? HTTPClientError {
            if error == .connectTimeout { return FetchError.connectTimedOut(address: address, limit: limits.connectTimeout) }
            if error == .deadlineExceeded { return FetchError.timedOut(limits.totalTimeout) }
            if error == .cancelled { return CancellationError() }
        }
        return FetchError.connectionFailed(address: address, why: "\(error)")
    }
}
