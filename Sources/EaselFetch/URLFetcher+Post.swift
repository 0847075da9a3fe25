#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AsyncHTTPClient
import NIOCore

extension URLFetcher {
    /// What the receiver answered to a POST.
    public struct PostResponse: Sendable, Equatable {
        public var status: Int
        /// The `Retry-After` header as sent (seconds or an HTTP date), if any.
        public var retryAfter: String?

        public init(status: Int, retryAfter: String? = nil) {
            self.status = status
            self.retryAfter = retryAfter
        }
    }

    /// POSTs `body` to an `http(s)` URL under the same address rules as `fetch` (resolved,
    /// checked and pinned). Redirects are never followed: a 3xx is returned like any status.
    /// The answer's body is read up to 64 KiB and dropped.
    ///
    /// - Throws: `FetchError` when no response arrived within `timeout`, or
    ///   `CancellationError`.
    public func post(
        _ url: String, body: Data, headers: [(name: String, value: String)], timeout: Duration
    ) async throws -> PostResponse {
        guard tracker.enter() else { throw FetchError.shutDown.located(at: url) }
        defer { tracker.leave() }
        return try await withTimeLimit(timeout) {
            FetchError.timedOut(timeout).located(at: url)
        } operation: {
            do {
                let target = try HTTPTarget(parsing: url)
                return try await self.withCheckedAddress(of: target) { address in
                    try await self.withPinnedClient(target, address: address, expectedPeer: address) { client in
                        try await self.send(target, body: body, headers: headers, timeout: timeout, address: address, on: client)
                    }
                }
            } catch let error as FetchError {
                throw error.located(at: url)
            }
        }
    }

    private func send(
        _ target: HTTPTarget, body: Data, headers: [(name: String, value: String)], timeout: Duration,
        address: IPAddress, on client: HTTPClient
    ) async throws -> PostResponse {
        var request = HTTPClientRequest(url: target.url)
        request.method = .POST
        request.headers.add(name: "User-Agent", value: "Easel-Webhooks/1")
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: TimeAmount(timeout))
        } catch {
            // The client's deadline is this POST's own: a timeout names it, not the fetch limit.
            var limits = limits
            limits.totalTimeout = timeout
            throw Self.connectionError(error, address: address, limits: limits)
        }
        // Drain a little of the answer so the connection closes cleanly; its content is unused.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return PostResponse(status: Int(response.status.code), retryAfter: response.headers.first(name: "Retry-After"))
    }
}
