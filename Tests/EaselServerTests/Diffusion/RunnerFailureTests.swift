@testable import EaselEngines
import EaselServer
import Foundation
import Testing

/// The failures docs/DIFFUSION.md promises to handle, caused by the real runner misbehaving on
/// purpose (`RunnerFault`) under a real server: a cancel never confirmed, starts that keep
/// failing, a job that kills the runner on every attempt.
@Suite(.serialized) struct RunnerFailureTests {
    @Test func aRunnerThatNeverConfirmsACancelIsKilledAndRestarted() async throws {
        try TinyRunner.requireSetUp()
        let fault = try RunnerFault(.hangOnCancel)
        try await EaselHarness.run(configure: { settings in
            TinyRunner.configure(&settings)
            settings.diffusion.cancelGrace = .seconds(2)
            fault.install(in: &settings)
        }) { api in
            let pid = try #require(try await Self.runner(api)["pid"].int)
            let args: [String: Any] = [
                "prompt": "add snow", "image_urls": [try ImageFixture.dataURL()], "width": 800, "height": 800, "num_images": 2,
            ]
            let id = try #require(try await api.create(args).json["job_id"].string)
            try await eventually("denoising to start", timeout: .seconds(120)) {
                try await api.query(id).json["data"]["progress"].double ?? 0 > 0.15
            }
            #expect(try await api.request(.post, "/api/v1/job/cancel?id=\(id)").status == 200)
            // The runner's step blocks forever: only the kill after the grace period ends the job.
            try await eventually("the job to end canceled", timeout: .seconds(60)) {
                try await api.query(id).json["data"]["status"].int == 4
            }
            try await eventually("a new runner to be ready", timeout: .seconds(120)) {
                try await Self.runner(api)["ready"].bool == true
            }
            let runner = try await Self.runner(api)
            #expect(runner["restarts"].int == 1)
            #expect(runner["pid"].int != pid)
            let failure = runner["last_failure"].string ?? ""
            #expect(failure.contains("did not confirm the cancel of job \(id)") && failure.contains("signaled(9)"), "\(failure)")
            #expect(runner["last_job"]["id"].string == id && runner["last_job"]["outcome"].string == "lost", "\(runner)")

            let next = try await api.waitForTerminal(try #require(try await api.create(args).json["job_id"].string), timeout: .seconds(120))
            #expect(next["status"].int == 2, "the new runner serves: \(next)")
        }
    }

    @Test func failedRestartsBackOffWithGrowingPausesWhileReadyzSaysNotReady() async throws {
        try TinyRunner.requireSetUp()
        let fault = try RunnerFault()
        try await EaselHarness.run(configure: { settings in
            TinyRunner.configure(&settings)
            fault.install(in: &settings)
        }) { api in
            let pid = try #require(try await Self.runner(api)["pid"].int)
            try fault.set(.exitAtStart)
            #expect(kill(pid_t(pid), SIGKILL) == 0)

            // After each failed start /readyz announces the pause before the next one. A pause
            // is seen only while it lasts, and a loaded machine may miss one: each pause seen
            // must fit its count of failed starts, and two seen must show it growing.
            var pauses: [Int: Int] = [:]
            var views: [JSON] = []
            try await eventually("two failed restarts", timeout: .seconds(120)) {
                let runner = try await Self.runner(api)
                if let restarts = runner["restarts"].int, let pause = runner["restart_pause_seconds"].int {
                    pauses[restarts] = pause
                    views.append(runner)
                }
                return pauses.count >= 2
            }
            for (restarts, pause) in pauses {
                #expect(.seconds(pause) == RunnerSupervisor.restartPause(afterFailedStarts: restarts), "\(pauses)")
            }
            let seen = pauses.sorted { $0.key < $1.key }.map(\.value)
            #expect(seen == seen.sorted() && Set(seen).count == seen.count, "the pause grows with each failed start: \(pauses)")
            for view in views {
                #expect(view["ready"].bool == false && view["pid"].isNull, "\(view)")
                #expect(view["last_failure"].string?.contains("injected fault: exit-at-start") == true, "\(view)")
            }

            try fault.set(nil)
            try await eventually("the runner to start again", timeout: .seconds(120)) {
                try await Self.runner(api)["ready"].bool == true
            }
            let runner = try await Self.runner(api)
            #expect(runner["restarts"].int ?? 0 >= 3, "\(runner)")
            #expect(runner["restart_pause_seconds"].isNull, "\(runner)")
        }
    }

    @Test func aJobThatKillsTheRunnerOnEveryAttemptFailsWithRunnerLost() async throws {
        try TinyRunner.requireSetUp()
        let fault = try RunnerFault(.exitOnEdit)
        try await EaselHarness.run(configure: { settings in
            TinyRunner.configure(&settings)
            settings.maxAttempts = 2
            fault.install(in: &settings)
        }) { api in
            let args: [String: Any] = [
                "prompt": "make it sunset", "image_urls": [try ImageFixture.dataURL()], "width": 800, "height": 800,
            ]
            let id = try #require(try await api.create(args).json["job_id"].string)
            let done = try await api.waitForTerminal(id, timeout: .seconds(240))
            #expect(done["status"].int == 3, "\(done)")
            #expect(done["error"]["code"].string == "runner_lost", "\(done)")
            #expect(done["attempts"].int == 2, "\(done)")

            try await eventually("the runner to be back", timeout: .seconds(120)) {
                try await Self.runner(api)["ready"].bool == true
            }
            #expect(try await Self.runner(api)["restarts"].int == 2, "one restart per attempt")
            try fault.set(nil)
            let next = try await api.waitForTerminal(try #require(try await api.create(args).json["job_id"].string), timeout: .seconds(120))
            #expect(next["status"].int == 2, "\(next)")
        }
    }

    static func runner(_ api: APIClient) async throws -> JSON {
        try await api.request(.get, "/readyz").json["data"]["runner"]
    }
}
