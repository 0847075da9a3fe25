import EaselServer
import Foundation
import Logging
import Testing

/// Metrics, health and the OpenAPI document.
@Suite struct OperationsTests {
    @Test func metricsAreScrapedInPrometheusFormat() async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        try await EaselHarness.run { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024]
            let id = try #require(try await api.create(args, callback: receiver.baseURL + "/hook").json["job_id"].string)
            _ = try await api.waitForTerminal(id)
            try await eventually("the callback") {
                try await api.query(id).json["data"]["callback"]["status"].string == "delivered"
            }
            let failing = try #require(try await api.create(["prompt": "warmer", "image_urls": ["http://10.0.0.1/x.png"], "width": 1024, "height": 1024]).json["job_id"].string)
            _ = try await api.waitForTerminal(failing)

            let reply = try await api.request(.get, "/metrics", key: .some(nil))
            #expect(reply.status == 200)
            let samples = Self.parse(String(decoding: reply.body, as: UTF8.self))
            #expect(samples["easel_jobs{status=\"succeeded\"}"] == 1)
            #expect(samples["easel_jobs{status=\"failed\"}"] == 1)
            #expect(samples["easel_jobs{status=\"queued\"}"] == 0)
            #expect(samples["easel_queue_depth"] == 0)
            #expect(samples["easel_jobs_finished_total{outcome=\"succeeded\"}"] == 1)
            #expect(samples["easel_input_fetch_failures_total"] == 1)
            #expect(samples["easel_engine_duration_seconds_count{engine=\"classic\"}"] == 1)
            #expect(samples["easel_callback_attempts_total{outcome=\"delivered\"}"] == 1)
            #expect(samples["easel_callback_attempts_total{outcome=\"retry\"}"] == 0)
            #expect(samples["easel_job_failures_total{code=\"input_fetch_failed\"}"] == 1)
            #expect(samples["easel_job_queue_wait_seconds_count{engine=\"classic\"}"] == 2)
            #expect(samples["easel_job_duration_seconds_count{engine=\"classic\"}"] == 2)
            // Diffusion edits take tens of seconds: the engine's buckets reach two minutes.
            #expect(samples["easel_engine_duration_seconds_bucket{engine=\"classic\",le=\"120.0\"}"] == 1)
        }
    }

    @Test func healthAndReadiness() async throws {
        try await EaselHarness.run { api in
            let live = try await api.request(.get, "/healthz", key: .some(nil))
            #expect(live.status == 200)
            let ready = try await api.request(.get, "/readyz", key: .some(nil))
            #expect(ready.json["data"]["status"].string == "ready")
            #expect(ready.json["data"]["engines"].array?.compactMap(\.string) == ["classic"])
            // Both name the same engines.
            #expect(live.json["data"]["engines"].array?.compactMap(\.string) == ["classic"])
        }
    }

    static let documentSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/EaselServer/Resources/openapi.yaml")

    /// The served document is the repository's with the server's public URL under `servers`,
    /// and it lists exactly the server's routes.
    @Test func openAPIDocumentMatchesTheRoutes() async throws {
        let document = try String(contentsOf: Self.documentSource, encoding: .utf8)
        let placeholder = "servers:\n  # Served with this server's public URL (--public-url, else http://HOST:PORT) in its place.\n  - url: http://127.0.0.1:8080\n"
        #expect(document.contains(placeholder))
        try await EaselHarness.run(configure: { $0.publicURL = "https://images.example.com/easel/" }) { api in
            let served = try await api.request(.get, "/openapi.yaml", key: .some(nil))
            let expected = document.replacingOccurrences(
                of: "  - url: http://127.0.0.1:8080\n", with: "  - url: \"https://images.example.com/easel\"\n")
            #expect(String(decoding: served.body, as: UTF8.self) == expected)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-routes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let routes = try await EaselApplication.routeTable(settings: EaselHarness.settings(dataDirectory: directory), logger: Logger(label: "t"))
        let normalised = routes.map { $0.replacingOccurrences(of: #":(\w+)"#, with: "{$1}", options: .regularExpression) }
        #expect(normalised == Self.documentedRoutes(document))
    }

    /// "METHOD /path" for each operation under `paths:`.
    static func documentedRoutes(_ document: String) -> [String] {
        var routes: [String] = []
        var path: String?
        var inPaths = false
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("paths:") { inPaths = true; continue }
            if inPaths, !line.hasPrefix(" "), !line.isEmpty { inPaths = false }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "),
                      let method = ["get", "post", "put", "delete", "patch"].first(where: { line == "    \($0):" }) {
                routes.append("\(method.uppercased()) \(path)")
            }
        }
        return routes.sorted()
    }

    /// Prometheus text format: `name{labels} value` lines, comments skipped.
    static func parse(_ text: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count >= 2, let value = Double(parts[1]) else { continue }
            samples[String(parts[0])] = value
        }
        return samples
    }
}
