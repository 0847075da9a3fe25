import EaselCore
import EaselImaging
import Foundation
import Testing

/// `/metrics` beyond the job counts (OperationsTests): Prometheus' own checker, HTTP,
/// process and build figures.
@Suite struct MetricsTests {
    static func scrape(_ api: APIClient) async throws -> String {
        String(decoding: try await api.request(.get, "/metrics", key: .some(nil)).body, as: UTF8.self)
    }

    /// promtool parses the exposition and lints it (help text on every metric, `_total` on
    /// counters only, base units): after jobs, callbacks, uploads and errors, it has nothing to say.
    @Test func promtoolFindsNothingToComplainAbout() async throws {
        _ = try ConformanceTools.promtool()
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        try await EaselHarness.run { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024]
            let id = try #require(try await api.create(args, callback: receiver.baseURL + "/hook").json["job_id"].string)
            let done = try await api.waitForTerminal(id)
            _ = try await api.download(try #require(done["result"]["images"][0]["url"].string))
            let failing = try #require(try await api.create(["prompt": "warmer", "image_urls": ["http://10.0.0.1/x.png"], "width": 1024, "height": 1024]).json["job_id"].string)
            _ = try await api.waitForTerminal(failing)
            _ = try await api.request(.post, "/api/v1/files", body: try ImageFixture.png(width: 32, height: 32), headers: [.contentType: "image/png"])
            _ = try await api.create(["prompt": "warmer"])
            _ = try await api.request(.get, "/no/such/place", key: .some(nil))
            let exposition = try await Self.scrape(api)
            #expect(exposition.contains("easel_http_requests_total{"), "traffic was counted")
            let result = try await ConformanceTools.promtoolCheck(exposition)
            #expect(result.status == 0 && result.output.isEmpty, "promtool: \(result.output)\n\(exposition)")
        }
    }

    /// Requests count by route template, never the raw path, and by status; each is timed.
    @Test func requestsAreCountedByRouteTemplateAndStatus() async throws {
        try await EaselHarness.run { api in
            for name in ["abc123.png", "def456.png"] { _ = try await api.request(.get, "/v1/files/\(name)", key: .some(nil)) }
            _ = try await api.query("no-such-job")
            _ = try await api.request(.get, "/no/such/place", key: .some(nil))
            _ = try await api.request(.get, "/healthz", key: .some(nil))
            let expected: [String: Double] = [
                #"{method="GET",route="/v1/files/{name}",status="404"}"#: 2,
                #"{method="GET",route="/api/v1/job/query",status="404"}"#: 1,
                #"{method="GET",route="unmatched",status="404"}"#: 1,
                #"{method="GET",route="/healthz",status="200"}"#: 1,
            ]
            var exposition = ""
            // Counted once the answer is written, which may be just after the client read it.
            try await eventually("the requests to be counted") {
                exposition = try await Self.scrape(api)
                let samples = OperationsTests.parse(exposition)
                return expected.allSatisfy { labels, count in
                    samples["easel_http_requests_total" + labels] == count
                        && samples["easel_http_request_duration_seconds_count" + labels] == count
                }
            }
            #expect(!exposition.contains("abc123") && !exposition.contains("no-such-job") && !exposition.contains("/no/such"))
        }
    }

    @Test func buildAndProcessFigures() async throws {
        try await EaselHarness.run { api in
            let samples = OperationsTests.parse(try await Self.scrape(api))
            #expect(samples[#"easel_build_info{version="\#(EaselVersion.current)",libvips="\#(ImagingRuntime.libvipsVersion)"}"#] == 1)
            #expect(samples["process_resident_memory_bytes"] ?? 0 > 1_000_000)
            #expect(samples["process_virtual_memory_bytes"] ?? 0 >= samples["process_resident_memory_bytes"] ?? .infinity)
            let open = samples["process_open_fds"] ?? 0
            #expect(open > 2 && open <= samples["process_max_fds"] ?? 0)
            #expect(samples["process_cpu_seconds_total"] ?? 0 > 0)
            let start = samples["process_start_time_seconds"] ?? 0
            #expect(start > 1_600_000_000 && start <= Date().timeIntervalSince1970)
            #expect(!samples.keys.contains { $0.hasPrefix("easel_runner_") }, "no diffusion runner here")
        }
    }
}
