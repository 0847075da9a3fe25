import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Many requests at once through real sockets, answers with their headers: a connection per
/// request in flight (AsyncHTTPClient), for tests that load a server on loopback.
struct LoadClient: Sendable {
    let http: HTTPClient
    let baseURL: String

    struct Answer: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let json: JSON

        func header(_ name: String) -> String? { headers.first(name: name) }
        func intHeader(_ name: String) -> Int? { header(name).flatMap { Int($0) } }
    }

    /// Runs `body` with a client of up to `connections` connections, shut down afterwards.
    static func with<T: Sendable>(
        port: Int?, connections: Int = 64, _ body: (LoadClient) async throws -> T
    ) async throws -> T {
        guard let port else { throw TimedOut(what: "a live server port") }
        let http = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: .init(connectionPool: .init(
                idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)))
        let client = LoadClient(http: http, baseURL: "http://127.0.0.1:\(port)")
        do {
            let result = try await body(client)
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    func send(_ method: HTTPMethod, _ path: String, key: String?, body: Data? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await http.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return Answer(status: Int(response.status.code), headers: response.headers, json: JSON(data: Data(buffer: bytes)))
    }

    /// `count` copies of one request, all in flight at once.
    func sendAll(
        _ count: Int, _ method: HTTPMethod, _ path: String, key: String?, body: Data? = nil
    ) async throws -> [Answer] {
        try await withThrowingTaskGroup(of: Answer.self) { group in
            for _ in 0..<count {
                group.addTask { try await send(method, path, key: key, body: body) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }
}
