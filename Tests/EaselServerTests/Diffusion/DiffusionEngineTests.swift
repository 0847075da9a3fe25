import EaselImaging
import EaselServer
import Foundation
import Testing

/// The diffusion engine end to end: a real Easel server starts the real Python runner with a
/// tiny random Qwen-Image-Edit-Plus pipeline, and jobs go through the public API.
@Suite(.serialized) struct DiffusionEngineTests {
    @Test func editsAreExactSizeSeededAndReportProgress() async throws {
        try TinyRunner.requireSetUp()
        try await EaselHarness.run(configure: TinyRunner.configure) { api in
            let ready = try await api.request(.get, "/readyz").json["data"]
            #expect(ready["engines"].array?.compactMap(\.string).sorted() == ["classic", "diffusion"])
            #expect(ready["runner"]["ready"].bool == true)
            #expect(ready["runner"]["variant"].string == "2509")
            let options = ready["runner"]["options"]
            #expect(options["compile"].bool == false && options["fp8"].isNull && options.keys.contains("fp8"), "\(options)")

            let args: [String: Any] = [
                "prompt": "replace the background with a beach", "image_urls": [try ImageFixture.dataURL(width: 320, height: 240)],
                "width": 768, "height": 1024, "num_images": 2, "seed": 7,
            ]
            let id = try #require(try await api.create(args).json["job_id"].string)
            var seen: [Double] = []
            let done = try await Self.waitWatchingProgress(api, id, into: &seen)
            #expect(done["status"].int == 2, "\(done)")
            #expect(done["engine"].string == "diffusion")
            #expect(seen.contains { $0 > 0.15 && $0 < 0.9 }, "progress while denoising: \(seen)")
            #expect(seen == seen.sorted(), "progress never goes back: \(seen)")
            let first = try await Self.images(of: done, api)
            #expect(first.count == 2)
            for image in first {
                let raster = try Raster.decode(image)
                #expect(raster.width == 768 && raster.height == 1024)
            }
            #expect(first[0] != first[1], "each image has its own seed")

            let again = try await api.waitForTerminal(try #require(try await api.create(args).json["job_id"].string), timeout: .seconds(120))
            #expect(try await Self.images(of: again, api) == first, "the same seed gives the same pixels")

            var other = args
            other["seed"] = 8
            other["num_images"] = 1
            let reseeded = try await api.waitForTerminal(try #require(try await api.create(other).json["job_id"].string), timeout: .seconds(120))
            #expect(reseeded["status"].int == 2, "\(reseeded)")
            let reseededImages = try await Self.images(of: reseeded, api)
            #expect(reseededImages.count == 1 && reseededImages.first != first[0], "another seed gives other pixels")

            // The classic engine stays reachable under its own id.
            let classic = try await api.create(["prompt": "warmer", "image_urls": args["image_urls"]!, "width": 800, "height": 800],
                                               model: "easel/classic")
            let classicDone = try await api.waitForTerminal(try #require(classic.json["job_id"].string))
            #expect(classicDone["engine"].string == "classic")
        }
    }

    /// Compile and FP8 each in a run of their own: without torchao FP8 is layerwise casting,
    /// which the runner refuses to compile (dynamo cannot trace its hooks).
    @Test(arguments: [true, false])
    func readyzShowsTheCompileOrFP8TheRunnerApplied(compile: Bool) async throws {
        try TinyRunner.requireSetUp()
        try await EaselHarness.run(configure: { settings in
            TinyRunner.configure(&settings)
            settings.diffusion.compile = compile
            settings.diffusion.fp8 = !compile
        }) { api in
            // Read back from the loaded model by the runner: on a CPU, FP8 can only be storage.
            let options = try await api.request(.get, "/readyz").json["data"]["runner"]["options"]
            if compile {
                #expect(options["compile"].bool == true && options["fp8"].string == nil, "\(options)")
            } else {
                #expect(options["compile"].bool == false && options["fp8"].string == "layerwise", "\(options)")
            }
        }
    }

    @Test func promptExtendShowsTheRewrittenPrompt() async throws {
        try TinyRunner.requireSetUp()
        try await EaselHarness.run(configure: TinyRunner.configure) { api in
            let args: [String: Any] = [
                "prompt": "make it look like winter", "image_urls": [try ImageFixture.dataURL()],
                "width": 800, "height": 800, "prompt_extend": true, "seed": 1,
            ]
            let done = try await api.waitForTerminal(try #require(try await api.create(args).json["job_id"].string), timeout: .seconds(120))
            #expect(done["status"].int == 2, "\(done)")
            let actual = try #require(done["actual_prompt"].string)
            #expect(!actual.isEmpty && actual != args["prompt"] as? String, "the rewritten prompt: \(actual)")
        }
    }

    @Test func cancelStopsARunningEdit() async throws {
        try TinyRunner.requireSetUp()
        // The edit holds at its first step until canceled: it cannot finish first.
        let fault = try RunnerFault(.holdAtStep)
        try await EaselHarness.run(configure: { TinyRunner.configure(&$0); fault.install(in: &$0) }) { api in
            let args: [String: Any] = [
                "prompt": "add snow", "image_urls": [try ImageFixture.dataURL()], "width": 800, "height": 800, "num_images": 4,
            ]
            let id = try #require(try await api.create(args).json["job_id"].string)
            try await eventually("denoising to start", timeout: .seconds(120)) {
                guard try await api.request(.get, "/readyz").json["data"]["runner"]["current_job"].string == id else { return false }
                return try await api.query(id).json["data"]["progress"].double ?? 0 > 0
            }
            #expect(try await api.request(.post, "/api/v1/job/cancel?id=\(id)").status == 200)
            try await eventually("the edit to stop", timeout: .seconds(30)) {
                try await api.query(id).json["data"]["status"].int == 4
            }
            // The job shows canceled whether or not the runner heard of it (the reaper marks a
            // canceled job whose lease lapsed); the runner's own account shows it stopped early.
            try await eventually("the runner to be done with the job", timeout: .seconds(120)) {
                try await api.request(.get, "/readyz").json["data"]["runner"]["last_job"]["id"].string == id
            }
            let last = try await api.request(.get, "/readyz").json["data"]["runner"]["last_job"]
            #expect(last["outcome"].string == "canceled", "\(last)")
            let step = try #require(last["step"].int), steps = try #require(last["steps"].int)
            #expect(step > 0 && step < steps, "stopped at step \(step) of \(steps)")
            try fault.set(nil)
            // The runner was not restarted for it, and serves the next job.
            let next = try await api.waitForTerminal(
                try #require(try await api.create(["prompt": "add snow", "image_urls": args["image_urls"]!, "width": 800, "height": 800])
                    .json["job_id"].string), timeout: .seconds(120))
            #expect(next["status"].int == 2, "\(next)")
            #expect(try await api.request(.get, "/readyz").json["data"]["runner"]["restarts"].int == 0)
        }
    }

    @Test func aRunnerKilledMidJobIsRestartedAndTheJobCompletes() async throws {
        try TinyRunner.requireSetUp()
        // The job holds at its first step until its runner is killed: it cannot finish first.
        let fault = try RunnerFault(.holdAtStep)
        try await EaselHarness.run(configure: { TinyRunner.configure(&$0); fault.install(in: &$0) }) { api in
            let before = try await api.request(.get, "/readyz").json["data"]["runner"]
            let pid = try #require(before["pid"].int)
            #expect(try await Self.restartsMetric(api) == 0)
            let args: [String: Any] = [
                "prompt": "make it sunset", "image_urls": [try ImageFixture.dataURL()], "width": 800, "height": 800,
                "num_images": 3, "seed": 3,
            ]
            let id = try #require(try await api.create(args).json["job_id"].string)
            try await eventually("denoising to start", timeout: .seconds(120)) {
                guard try await api.request(.get, "/readyz").json["data"]["runner"]["current_job"].string == id else { return false }
                return try await api.query(id).json["data"]["progress"].double ?? 0 > 0
            }
            #expect(kill(pid_t(pid), SIGKILL) == 0)
            try fault.set(nil)
            let done = try await api.waitForTerminal(id, timeout: .seconds(180))
            #expect(done["status"].int == 2, "\(done)")
            #expect(done["attempts"].int == 2)
            let after = try await api.request(.get, "/readyz").json["data"]["runner"]
            #expect(after["restarts"].int == 1)
            #expect(after["pid"].int != pid)
            #expect(after["last_failure"].string?.contains("signaled(9)") == true, "\(after)")
            #expect(try await Self.restartsMetric(api) == 1)

            // The retried job gives exactly what an uninterrupted run gives.
            let clean = try await api.waitForTerminal(try #require(try await api.create(args).json["job_id"].string), timeout: .seconds(120))
            #expect(try await Self.images(of: clean, api) == (try await Self.images(of: done, api)))
        }
    }

    @Test func scratchFoldersAreEmptiedAtStartAndRemovedAfterEachJob() async throws {
        try TinyRunner.requireSetUp()
        let leftover = "job-of-a-dead-server-1a2b3c4d"
        try await EaselHarness.run(configure: { settings in
            TinyRunner.configure(&settings)
            // What a server killed mid-job leaves behind.
            let folder = settings.runnerScratchDirectory.appendingPathComponent(leftover)
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data("png".utf8).write(to: folder.appendingPathComponent("in-0.png"))
        }) { api in
            let scratch = api.dataDirectory.appendingPathComponent("runner")
            let folder = scratch.appendingPathComponent(leftover)
            #expect(!FileManager.default.fileExists(atPath: folder.path), "left over from the last run: \(folder.path)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == [])

            let args: [String: Any] = ["prompt": "add a hat", "image_urls": [try ImageFixture.dataURL()], "width": 800, "height": 800]
            let done = try await api.waitForTerminal(try #require(try await api.create(args).json["job_id"].string), timeout: .seconds(120))
            #expect(done["status"].int == 2, "\(done)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == [], "the job's folder went with it")
        }
    }

    @Test func aWrongWeightsFolderStopsTheServerWithAClearError() async throws {
        try TinyRunner.requireSetUp()
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("easel-no-weights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("easel-data-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: empty)
            try? FileManager.default.removeItem(at: data)
        }
        let (status, output) = try EaselProcess.run([
            "serve", "--port", "0", "--data-dir", data.path,
            "--diffusion-weights", empty.path, "--diffusion-python", TinyRunner.python,
        ])
        #expect(status != 0)
        #expect(output.contains("the diffusion engine could not start"), "\(output)")
        #expect(output.contains(empty.path) && output.contains("model_index.json"), "\(output)")

        let (pythonStatus, pythonOutput) = try EaselProcess.run([
            "serve", "--port", "0", "--data-dir", data.path,
            "--diffusion-weights", TinyRunner.weights, "--diffusion-python", "/nonexistent/python",
        ])
        #expect(pythonStatus != 0)
        #expect(pythonOutput.contains("/nonexistent/python could not be run"), "\(pythonOutput)")
    }

    /// Polls until the job ends, noting every progress value seen while it ran.
    static func waitWatchingProgress(_ api: APIClient, _ id: String, into seen: inout [Double]) async throws -> JSON {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(180)
        while clock.now < deadline {
            let data = try await api.query(id).json["data"]
            if let status = data["status"].int, status >= 2 { return data }
            if data["status"].int == 1, let progress = data["progress"].double { seen.append(progress) }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TimedOut(what: "job \(id)")
    }

    static func images(of job: JSON, _ api: APIClient) async throws -> [Data] {
        var images: [Data] = []
        for entry in job["result"]["images"].array ?? [] {
            images.append(try await api.download(try #require(entry["url"].string)).body)
        }
        return images
    }

    static func restartsMetric(_ api: APIClient) async throws -> Double? {
        let exposition = String(decoding: try await api.request(.get, "/metrics", key: .some(nil)).body, as: UTF8.self)
        return OperationsTests.parse(exposition)[#"easel_runner_restarts_total{runner="0",device="cpu"}"#]
    }
}
