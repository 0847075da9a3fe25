import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 that records the callbacks Easel posts to `url`, raw
/// body and headers as they came off the socket.
final class HookReceiver: Sendable {
    struct Delivery: Sendable {
        let headers: [String: String]
        let body: Data
    }

    private let deliveries = Mutex<[Delivery]>([])
    private let port = Mutex(0)

    var url: String { "http://127.0.0.1:\(port.withLock { $0 })/hook" }
    var received: [Delivery] { deliveries.withLock { $0 } }

    /// Runs `body` with a receiver listening; stops it afterwards.
    static func run(_ body: @escaping @Sendable (HookReceiver) async throws -> Void) async throws {
        let receiver = HookReceiver()
        let router = Router()
        router.post("hook") { request, _ in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            receiver.deliveries.withLock { $0.append(Delivery(headers: headers, body: Data(buffer: bytes))) }
            return Response(status: .ok)
        }
        var logger = Logger(label: "hook-receiver")
        logger.logLevel = .warning
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        try await app.test(.live) { client in
            receiver.port.withLock { $0 = client.port ?? 0 }
            try await body(receiver)
        }
    }
}
