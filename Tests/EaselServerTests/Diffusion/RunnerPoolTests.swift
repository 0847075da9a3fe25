import EaselServer
import Foundation
import Testing

/// Two runners (`--diffusion-devices cpu,cpu`) under a real server with the tiny pipeline:
/// they run two jobs at once, a runner killed mid-job is restarted while the other serves on
/// and its job is requeued and completes, and a cancel reaches the runner that runs the job.
@Suite(.serialized) struct RunnerPoolTests {
    @Test func twoRunnersEditAtOnceAndFailAlone() async throws {
        try TinyRunner.requireSetUp()
        // Both jobs stay at their first step until the test has killed one runner and
        // canceled the other's job: neither can finish early on a fast machine, nor be
        // done before a slow restart is.
        let fault = try RunnerFault(.holdAtStep)
        try await EaselHarness.run(configure: { settings in
            TinyRunner.configure(&settings)
            fault.install(in: &settings)
            settings.diffusion.devices = .list([.cpu, .cpu])
        }) { api in
            let ready = try await api.request(.get, "/readyz").json["data"]
            let listed = try #require(ready["runners"].array)
            #expect(listed.count == 2 && listed.allSatisfy { $0["ready"].bool == true && $0["device"].string == "cpu" }, "\(listed)")
            let pids = listed.compactMap { $0["pid"].int }
            #expect(Set(pids).count == 2, "a process each: \(pids)")
            #expect(ready["runner"]["pid"].int == pids.first, "`runner` is still the first runner")

            let args: [String: Any] = [
                "prompt": "add snow", "image_urls": [try ImageFixture.dataURL()], "width": 800, "height": 800, "num_images": 4,
                "seed": 11,
            ]
            let lost = try #require(try await api.create(args).json["job_id"].string)
            let canceled = try #require(try await api.create(args).json["job_id"].string)
            // Both jobs on a runner at the same moment: one worker per runner, each free runner used.
            var holder: [String: Int] = [:]
            try await eventually("both runners to run a job at once", timeout: .seconds(120)) {
                let runners = try await Self.runners(api)
                holder = Dictionary(uniqueKeysWithValues: runners.enumerated().compactMap { index, runner in
                    runner["current_job"].string.map { ($0, index) }
                })
                return holder.count == 2
            }
            let (lostRunner, servingRunner) = (try #require(holder[lost]), try #require(holder[canceled]))

            #expect(kill(pid_t(pids[lostRunner]), SIGKILL) == 0)
            try await eventually("the killed runner to be back", timeout: .seconds(120)) {
                try await Self.runners(api)[lostRunner]["restarts"].int == 1
            }
            // The other runner never noticed: same process, still on its job.
            let serving = try await Self.runners(api)[servingRunner]
            #expect(serving["pid"].int == pids[servingRunner] && serving["restarts"].int == 0, "\(serving)")
            #expect(serving["current_job"].string == canceled, "\(serving)")

            #expect(try await api.request(.post, "/api/v1/job/cancel?id=\(canceled)").status == 200)
            try await eventually("the serving runner to confirm the cancel", timeout: .seconds(60)) {
                try await Self.runners(api)[servingRunner]["last_job"]["id"].string == canceled
            }
            let last = try await Self.runners(api)[servingRunner]["last_job"]
            #expect(last["outcome"].string == "canceled" && last["step"].int ?? 0 < last["steps"].int ?? 0, "\(last)")
            try fault.set(nil)

            let done = try await api.waitForTerminal(lost, timeout: .seconds(180))
            #expect(done["status"].int == 2 && done["attempts"].int == 2, "the lost job was requeued and completed: \(done)")
            let runners = try await Self.runners(api)
            #expect(runners[lostRunner]["last_failure"].string?.contains("signaled(9)") == true, "\(runners[lostRunner])")
            #expect(runners[servingRunner]["restarts"].int == 0 && runners[servingRunner]["pid"].int == pids[servingRunner])
            #expect(runners.allSatisfy { $0["ready"].bool == true && $0["current_job"].isNull }, "\(runners)")

            // /metrics has a series per runner, labelled with its index and device.
            let exposition = String(decoding: try await api.request(.get, "/metrics", key: .some(nil)).body, as: UTF8.self)
            let samples = OperationsTests.parse(exposition)
            let series = { (name: String, runner: Int) in samples[#"\#(name){runner="\#(runner)",device="cpu"}"#] }
            #expect(series("easel_runner_restarts_total", lostRunner) == 1 && series("easel_runner_restarts_total", servingRunner) == 0)
            #expect(series("easel_runner_ready", 0) == 1 && series("easel_runner_ready", 1) == 1)
            #expect(series("easel_runner_busy", 0) == 0 && series("easel_runner_busy", 1) == 0)
            let lint = try await ConformanceTools.promtoolCheck(exposition)
            #expect(lint.status == 0 && lint.output.isEmpty, "promtool: \(lint.output)")
        }
    }

    static func runners(_ api: APIClient) async throws -> [JSON] {
        try await api.request(.get, "/readyz").json["data"]["runners"].array ?? []
    }
}
