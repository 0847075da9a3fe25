import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 that serves test images to the Easel under test. One server
/// runs for the whole test process (stopping a server while it accepts connections is not
/// something tests should exercise); each test gets its own `ImageScope` under a path prefix.
enum LoopbackImageServer {
    private static let scopes = Mutex<[String: ImageScope]>([:])
    private static let server = Task<Int, any Error> { try await startServer() }

    /// A fresh scope serving `image` at `<baseURL>/image.png`, `/slow.png` (held while the
    /// scope holds) and `/broken.png` (not an image), and receiving callbacks at `/hook`.
    static func start(image: Data) async throws -> ImageScope {
        let port = try await server.value
        let scope = ImageScope(name: UUID().uuidString.lowercased(), port: port, image: image)
        scopes.withLock { $0[scope.name] = scope }
        return scope
    }

    private static func startServer() async throws -> Int {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let router = Router()
        router.get(":scope/:file") { request, context in
            let name = try context.parameters.require("scope")
            let file = try context.parameters.require("file")
            guard let scope = scopes.withLock({ $0[name] }) else { return Response(status: .notFound) }
            return await scope.respond(file: file, path: request.uri.path)
        }
        router.post(":scope/hook") { request, context in
            let name = try context.parameters.require("scope")
            guard let scope = scopes.withLock({ $0[name] }) else { return Response(status: .notFound) }
            let body = try await request.body.collect(upTo: 1 << 20)
            return await scope.receiveHook(headers: request.headers, body: Data(buffer: body))
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            })
        Task { try await app.runService(gracefulShutdownSignals: []) }
        for await port in ports where port > 0 { return port }
        throw NotStarted()
    }

    struct NotStarted: Error {}
}

/// One test's view of the image server: what it serves, what was asked, whether it stalls.
final class ImageScope: Sendable {
    private struct State {
        var requests: [String] = []
        var hookStatuses: [Int] = []
        var retryAfter: String?
        var hooks: [ReceivedHook] = []
    }

    /// A callback as the receiver got it.
    struct ReceivedHook: Sendable {
        let headers: HTTPFields
        let body: Data
        /// What the hook answered.
        var status = 200
        /// When it arrived, by this process's clock.
        var receivedAt = Date()

        var webhookID: String? { headers[HTTPField.Name("webhook-id")!] }
    }

    let name: String
    let port: Int
    private let image: Data
    private let state = Mutex(State())
    private let images = Gate()
    private let hookAnswers = Gate()

    init(name: String, port: Int, image: Data) {
        self.name = name
        self.port = port
        self.image = image
    }

    var baseURL: String { "http://127.0.0.1:\(port)/\(name)" }
    /// File names requested so far, in order.
    var requests: [String] { state.withLock { $0.requests } }

    /// Makes `/slow.png` hang until `release()`.
    func hold() { images.close() }

    func release() { images.open() }

    /// Makes `/hook` record each callback as it arrives but answer only after `releaseHooks()`:
    /// a receiver that hangs.
    func holdHooks() { hookAnswers.close() }

    func releaseHooks() { hookAnswers.open() }

    /// `<baseURL>/hook` answers these statuses in turn, then 200 (a 302 answer carries a
    /// Location back to the hook, to prove redirects are not followed; a non-2xx answer
    /// carries `Retry-After: retryAfter` when one is given).
    func scriptHook(_ statuses: [Int], retryAfter: String? = nil) {
        state.withLock {
            $0.hookStatuses = statuses
            $0.retryAfter = retryAfter
        }
    }

    /// Callbacks received so far, in order.
    var hooks: [ReceivedHook] { state.withLock { $0.hooks } }

    fileprivate func receiveHook(headers: HTTPFields, body: Data) async -> Response {
        let (status, retryAfter) = state.withLock { state -> (Int, String?) in
            let status = state.hookStatuses.isEmpty ? 200 : state.hookStatuses.removeFirst()
            state.hooks.append(ReceivedHook(headers: headers, body: body, status: status))
            return (status, state.retryAfter)
        }
        await hookAnswers.pass()
        var response = Response(status: HTTPResponse.Status(code: status))
        if status == 302 { response.headers[.location] = baseURL + "/hook" }
        if status >= 300, let retryAfter { response.headers[.retryAfter] = retryAfter }
        return response
    }

    /// Releases anything held; the scope's URLs keep answering for stragglers.
    func stop() async {
        release()
        releaseHooks()
    }

    fileprivate func respond(file: String, path: String) async -> Response {
        state.withLock { $0.requests.append("/" + file) }
        switch file {
        case "image.png":
            return png()
        case "slow.png":
            await images.pass()
            return png()
        case "broken.png":
            return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "not an image")))
        default:
            return Response(status: .notFound)
        }
    }

    private func png() -> Response {
        Response(status: .ok, headers: [.contentType: "image/png"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: image)))
    }
}
