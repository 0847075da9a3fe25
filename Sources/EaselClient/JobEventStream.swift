import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// An open `GET /api/v1/job/events?id=` stream (an Easel extension), read one event at a time.
///
/// `@unchecked Sendable`: it holds the response body's iterator, which is not Sendable, so
/// that the Sendable `JobUpdates.Iterator` can keep it between calls; only that iterator reads
/// it, one `next()` at a time. Dropping it ends the request.
final class JobEventStream: @unchecked Sendable {
    private var body: HTTPClientResponse.Body.AsyncIterator
    private var parser = ServerSentEventParser()
    private var pending: [ServerSentEvent] = []

    private init(body: HTTPClientResponse.Body) {
        self.body = body.makeAsyncIterator()
    }

    /// The job's event stream, or nil when the server does not offer one: the hosted API
    /// answers 404, and any other status, content type or failure to connect means the same
    /// to the caller (poll instead). Only cancellation is thrown.
    static func open(_ client: EaselClient, jobID: String) async throws -> JobEventStream? {
        let url = client.baseURL + "/api/v1/job/events" + EaselClient.queryString([("id", jobID)])
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(client.key)")
        request.headers.add(name: "Accept", value: "text/event-stream")
        let response: HTTPClientResponse
        do {
            // The deadline covers the wait for the answer's head only: AsyncHTTPClient drops
            // it once the head is in, so a stream open for minutes is not cut. While it is
            // open, the server's keep-alive comments stay within the client's read timeout.
            response = try await client.http.execute(request, timeout: TimeAmount(client.timeout))
        } catch {
            if Task.isCancelled || error is CancellationError { throw CancellationError() }
            return nil
        }
        let contentType = response.headers.first(name: "Content-Type")?.lowercased() ?? ""
        guard response.status == .ok, contentType.hasPrefix("text/event-stream") else {
            // Read the short refusal so that the connection can serve the polling that follows.
            _ = try? await response.body.collect(upTo: 64 * 1024)
            if Task.isCancelled { throw CancellationError() }
            return nil
        }
        return JobEventStream(body: response.body)
    }

    /// The next event, or nil when the server ended the stream. Throws when the connection
    /// broke (or the task was cancelled).
    func next() async throws -> ServerSentEvent? {
        while pending.isEmpty {
            guard let chunk = try await body.next() else { return nil }
            pending = parser.feed(chunk.readableBytesView)
        }
        return pending.removeFirst()
    }
}
