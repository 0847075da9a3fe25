import Foundation
import Testing

/// Connections that never finish (slowloris): half a header, a body trickled a byte at a
/// time, or nothing at all must not hold the server's sockets for ever, and no number of
/// them may exceed the connection cap. A malformed or cut body is the client's error.
@Suite(.serialized) struct ConnectionTests {
    static let limits = ["--idle-timeout-seconds", "1", "--body-timeout-seconds", "2"]

    @Test func silentAndHalfSentRequestsAreClosed() async throws {
        try await ProcessScope.run { scope in
            let server = try await scope.start(extra: Self.limits)
            let silent = try RawConnection(port: server.port)
            let halfHead = try RawConnection(port: server.port)
            halfHead.send("GET /healthz HTTP/1.1\r\nHost: easel\r\n")
            // Header lines trickled in are not a request yet: the idle clock keeps running.
            let trickle = Task {
                for index in 0..<20 {
                    try await Task.sleep(for: .milliseconds(300))
                    if !halfHead.send("X-Slow-\(index): 1\r\n") { return }
                }
            }
            let silentEnd = await silent.receive(timeout: .seconds(30))
            let halfHeadEnd = await halfHead.receive(timeout: .seconds(30))
            trickle.cancel()
            #expect(silentEnd.closed && silentEnd.data.isEmpty, "a connection that sends nothing is closed")
            #expect(halfHeadEnd.closed && halfHeadEnd.data.isEmpty, "a head that never completes is closed")
        }
    }

    @Test func aTrickledBodyIsCutAtTheBodyDeadline() async throws {
        try await ProcessScope.run { scope in
            let server = try await scope.start(extra: Self.limits)
            let key = try ProcessTests.firstKey(scope)
            let connection = try RawConnection(port: server.port)
            connection.send(
                "POST /api/v1/job/create HTTP/1.1\r\nHost: easel\r\nAuthorization: Bearer \(key)\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
            // A byte every 300 ms keeps the connection busy, but the whole body would take 5 minutes.
            let trickle = Task {
                for _ in 0..<1000 {
                    try await Task.sleep(for: .milliseconds(300))
                    if !connection.send(" ") { return }
                }
            }
            let end = await connection.receive(timeout: .seconds(30))
            trickle.cancel()
            #expect(end.closed, "the body deadline closes the connection")
            let listed = try await LiveClient(http: scope.http, baseURL: server.baseURL, key: key).send(.GET, "/api/v1/job/list")
            #expect(JSON(data: listed.body)["data"]["jobs"].array?.isEmpty == true, "nothing was created")
        }
    }

    @Test func connectionsBeyondTheCapWaitForAFreeOne() async throws {
        try await ProcessScope.run { scope in
            let server = try await scope.start(extra: ["--max-connections", "3"])
            let held = try (0..<3).map { _ in try RawConnection(port: server.port) }
            // Let the server accept them before the next one arrives.
            for connection in held { connection.send("GET /healthz HTTP/1.1\r\nHost: easel\r\n\r\n") }
            for connection in held { #expect(await connection.receiveAnswer(timeout: .seconds(30)).text.hasPrefix("HTTP/1.1 200")) }
            let waiting = try RawConnection(port: server.port)
            waiting.send("GET /healthz HTTP/1.1\r\nHost: easel\r\nConnection: close\r\n\r\n")
            let whileFull = await waiting.receive(timeout: .seconds(1))
            #expect(whileFull.data.isEmpty && !whileFull.closed, "the fourth connection is not served while three are open")
            for connection in held { connection.shutdownBoth() }
            let afterwards = await waiting.receiveAnswer(timeout: .seconds(30))
            #expect(afterwards.text.hasPrefix("HTTP/1.1 200"), "served once a connection closed: \(afterwards.text.prefix(80))")
        }
    }

    @Test func malformedAndCutBodiesAreClientErrors() async throws {
        try await ProcessScope.run { scope in
            let server = try await scope.start()
            let key = try ProcessTests.firstKey(scope)
            let chunked = try RawConnection(port: server.port)
            chunked.send(
                "POST /api/v1/job/create HTTP/1.1\r\nHost: easel\r\nAuthorization: Bearer \(key)\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
            let reply = await chunked.receiveAnswer(timeout: .seconds(30))
            #expect(reply.text.hasPrefix("HTTP/1.1 400"), "\(reply.text.prefix(200))")
            #expect(reply.text.contains(#""code":1000"#))

            let cut = try RawConnection(port: server.port)
            cut.send(
                "POST /api/v1/job/create HTTP/1.1\r\nHost: easel\r\nAuthorization: Bearer \(key)\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"model\":")
            try await Task.sleep(for: .milliseconds(200))
            cut.shutdownBoth()
            // Neither is a server fault: nothing is logged as an unhandled error.
            try await Task.sleep(for: .milliseconds(500))
            #expect(!server.readOutput().contains("unhandled error"), "\(server.readOutput())")
        }
    }
}
