import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// Many more clients than the machine has cores, on every route at once, against the real
/// binary. A handler that parks a thread of Swift's cooperative pool on something another
/// task must release (a synchronous database read waiting for a reader, a semaphore) wedges
/// the whole process within a second under this load; here that shows as requests that
/// never answer, and the test fails instead of hanging.
@Suite(.serialized) struct StressTests {
    static let clients = 4 * max(ProcessInfo.processInfo.activeProcessorCount, 2)
    static let requestsPerClient = 6

    @Test func everyRouteUnderMoreClientsThanCores() async throws {
        try await ProcessScope.run { scope in
            // One key sends all of it: a rate limit it never reaches keeps the limiter on the
            // path without refusing anything.
            let server = try await scope.start(extra: [
                "--workers", "2", "--max-running-per-key", "64", "--rate-limit-per-second", "1000000",
            ])
            let key = try ProcessTests.firstKey(scope)
            let http = HTTPClient(
                eventLoopGroupProvider: .singleton,
                configuration: .init(connectionPool: .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: Self.clients)))
            let client = LiveClient(http: http, baseURL: server.baseURL, key: key, timeout: .seconds(60))
            let routes: Routes
            do {
                routes = try await Routes.prepare(client)
            } catch {
                try await http.shutdown()
                throw error
            }

            // Route by route, every client at once on the same route (the way one busy
            // endpoint is hit in practice), then all routes mixed.
            var failures: [String] = []
            for routes in routes.all.map({ [$0] }) + [routes.all] where failures.isEmpty {
                failures += await Self.storm(client, routes: routes)
            }
            try await http.shutdown()
            #expect(failures.isEmpty, "\(failures.count) requests failed, e.g. \(failures.prefix(5))")
            // And the server is still alive afterwards, with its worker running jobs.
            let after = LiveClient(http: scope.http, baseURL: server.baseURL, key: key)
            #expect(try await after.send(.GET, "/healthz").status == 200)
            _ = try await after.waitFor(routes.jobID, status: [2])
        }
    }

    /// `clients` clients at once, each sending `requestsPerClient` requests in turn to the
    /// routes; what went wrong, as text.
    static func storm(_ client: LiveClient, routes: [Route]) async -> [String] {
        await withTaskGroup(of: [String].self) { group in
            for worker in 0..<clients {
                group.addTask {
                    var failures: [String] = []
                    for step in 0..<requestsPerClient {
                        let route = routes[(worker + step) % routes.count]
                        do {
                            let status = try await route.call(client)
                            if status != route.expected { failures.append("\(route.name): HTTP \(status)") }
                        } catch {
                            // A wedged server answers nothing more: one timeout per client is enough.
                            failures.append("\(route.name): \(error)")
                            break
                        }
                    }
                    return failures
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
    }

    /// One request per route, with the status it must answer.
    struct Route: Sendable {
        let name: String
        let expected: Int
        let call: @Sendable (LiveClient) async throws -> Int
    }

    struct Routes: Sendable {
        let all: [Route]
        let jobID: String

        static func prepare(_ client: LiveClient) async throws -> Routes {
            let image = try ImageFixture.png(width: 96, height: 64)
            let upload = try await client.sendRaw(.POST, "/api/v1/files", body: image, contentType: "image/png")
            let fileURL = try #require(JSON(data: upload.body)["data"]["url"].string, "upload: \(upload.status)")
            let filePath = try #require(URLComponents(string: fileURL)?.path)
            let create = ProcessTests.createBody([
                "prompt": "warmer and brighter", "image_urls": [fileURL], "width": 1024, "height": 768,
            ])
            let created = try await client.send(.POST, "/api/v1/job/create", body: create)
            let jobID = try #require(JSON(data: created.body)["data"]["job_id"].string, "create: \(created.status)")
            // A hundred and more jobs, so that a list of 100 holds a database reader for a
            // while, as on a server in use. Their input host refuses at once (a closed port
            // on loopback), so they fail without work.
            let filler = ProcessTests.createBody([
                "prompt": "warmer", "image_urls": ["http://127.0.0.1:9/closed.png"], "width": 1024, "height": 1024,
            ])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        for _ in 0..<15 { _ = try await client.send(.POST, "/api/v1/job/create", body: filler) }
                    }
                }
                try await group.waitForAll()
            }
            let all: [Route] = [
                Route(name: "create", expected: 200) { try await $0.send(.POST, "/api/v1/job/create", body: create).status },
                Route(name: "query", expected: 200) { try await $0.send(.GET, "/api/v1/job/query?id=\(jobID)").status },
                Route(name: "list", expected: 200) { try await $0.send(.GET, "/api/v1/job/list?limit=100").status },
                Route(name: "cancel unknown", expected: 404) { try await $0.send(.POST, "/api/v1/job/cancel?id=nope").status },
                Route(name: "upload", expected: 200) {
                    try await $0.sendRaw(.POST, "/api/v1/files", body: image, contentType: "image/png").status
                },
                Route(name: "file", expected: 200) { try await $0.send(.GET, filePath).status },
                Route(name: "healthz", expected: 200) { try await $0.send(.GET, "/healthz").status },
                Route(name: "readyz", expected: 200) { try await $0.send(.GET, "/readyz").status },
                Route(name: "metrics", expected: 200) { try await $0.send(.GET, "/metrics").status },
                Route(name: "openapi", expected: 200) { try await $0.send(.GET, "/openapi.yaml").status },
                Route(name: "bad key", expected: 401) { client in
                    try await LiveClient(http: client.http, baseURL: client.baseURL, key: "esk_wrong", timeout: client.timeout)
                        .send(.GET, "/api/v1/job/list").status
                },
            ]
            return Routes(all: all, jobID: jobID)
        }
    }
}
