import Hummingbird
import Synchronization

/// One test's view of a real Hummingbird server on 127.0.0.1 (random port), which records every
/// request it sees. Tests never send traffic anywhere but loopback.
///
/// All tests share one server that lives as long as the test process, each under its own path
/// prefix: stopping a server while a connection is being accepted trips a debug assertion in
/// NIO's async channel, and tests here deliberately leave connections half-done.
struct TestImageServer: Sendable {
    /// 64 KiB of deterministic bytes starting with the PNG signature.
    static let image: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
        + (0..<(64 * 1024 - 8)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    static let bigDeclaredSize = 2 * 1024 * 1024
    static let streamedChunkSize = 64 * 1024
    static let streamedChunkCount = 1024

    let port: Int
    let token: String
    let record: ServerRecord

    /// Paths this test's requests asked for, without the test's prefix.
    var paths: [String] { record.paths }

    /// `/image` → `/<token>/image`: an absolute-path reference for Location headers.
    func path(_ path: String) -> String {
        "/\(token)\(path)"
    }

    func url(_ path: String, host: String = "127.0.0.1") -> String {
        "http://\(host):\(port)\(self.path(path))"
    }

    /// Makes `/go/<name>` answer 302 with `location`.
    func redirect(_ name: String, to location: String) {
        record.setRedirect(name, to: location)
    }

    /// Runs `body` with a fresh prefix on the shared server.
    static func run<T: Sendable>(_ body: @Sendable (TestImageServer) async throws -> T) async throws -> T {
        let port = try await shared.value
        let token = "t" + String(UInt64.random(in: .min ... .max), radix: 36)
        let record = ServerRecord(token: token)
        registry.register(record)
        // Lets slow handlers finish at once.
        defer { record.release() }
        return try await body(TestImageServer(port: port, token: token, record: record))
    }

    static let registry = ServerRegistry()

    /// The shared server's port, once it listens.
    private static let shared = Task<Int, any Error> {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        // Borrows Hummingbird's default logger (this target does not import swift-log) to keep
        // connection errors that tests cause on purpose out of the output.
        var logger = Application(router: Router()).logger
        logger.logLevel = .critical
        let app = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        Task.detached { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw ServerDidNotStart() }
        return port
    }

    struct ServerDidNotStart: Error {}
}
