import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 that answers the job query the way the hosted API does,
/// from a script (one answer per query, the last one repeated), and offers no usable event
/// stream: either no such endpoint at all, or a stream that ends before its `done` event.
final class PollOnlyServer: Sendable {
    enum EventsEndpoint: Sendable, CaseIterable {
        /// 404, as the hosted API answers a path it does not know.
        case missing
        /// A stream with one `progress` event and a keep-alive, then the end, no `done`.
        case endsEarly
    }

    static let jobID = "job-1"
    /// Queued first in line, running half done, then succeeded with one image.
    static let answers = [
        #"{"code":0,"data":{"job_id":"job-1","status":0,"queue_position":1,"model":"m"}}"#,
        #"{"code":0,"data":{"job_id":"job-1","status":1,"progress":0.5,"model":"m"}}"#,
        #"{"code":0,"data":{"job_id":"job-1","status":2,"progress":1,"model":"m","result":{"images":[{"url":"http://x/r.png","width":8,"height":8}]}}}"#,
    ]

    private let queries = Mutex(0)
    private let eventRequests = Mutex(0)
    private let port = Mutex(0)

    var baseURL: String { "http://127.0.0.1:\(port.withLock { $0 })" }
    var queryCount: Int { queries.withLock { $0 } }
    var eventRequestCount: Int { eventRequests.withLock { $0 } }

    /// Runs `body` with a server listening; stops it afterwards.
    static func run(events: EventsEndpoint, _ body: @escaping @Sendable (PollOnlyServer) async throws -> Void) async throws {
        let server = PollOnlyServer()
        let router = Router()
        router.get("api/v1/job/query") { _, _ in
            let index = server.queries.withLock { count in
                defer { count += 1 }
                return min(count, answers.count - 1)
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: answers[index])))
        }
        router.get("api/v1/job/events") { _, _ in
            server.eventRequests.withLock { $0 += 1 }
            switch events {
            case .missing:
                return Response(
                    status: .notFound, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: #"{"code":404,"message":"not found"}"#)))
            case .endsEarly:
                let stream = "event: progress\ndata: {\"job_id\":\"job-1\",\"status\":0,\"queue_position\":1,\"progress\":0}\n\n: keep-alive\n\n"
                return Response(
                    status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: stream)))
            }
        }
        var logger = Logger(label: "poll-only-server")
        logger.logLevel = .warning
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        try await app.test(.live) { client in
            server.port.withLock { $0 = client.port ?? 0 }
            try await body(server)
        }
    }
}
