import EaselImaging
import Foundation
import Testing

/// `easel edit` through the real binary: in this process, and against a live `easel serve`.
@Suite struct EditCommandTests {
    /// A fresh folder holding `photo.png` of the given size.
    static func folder(photoWidth: Int = 640, photoHeight: Int = 480) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("easel-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try ImageFixture.png(width: photoWidth, height: photoHeight).write(to: folder.appendingPathComponent("photo.png"))
        return folder
    }

    static func size(of file: URL) throws -> [Int] {
        let raster = try Raster.decode(try Data(contentsOf: file))
        return [raster.width, raster.height]
    }

    /// The id in `job <id> created`.
    static func jobID(in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix("job ") && $0.contains(" created") }
            .map { String($0.split(separator: " ")[1]) }
    }

    // MARK: In this process

    /// Without --size: an input the API allows keeps its size; any other is fitted, aspect
    /// (held within 1:4…4:1) first, sides multiples of 16.
    @Test(arguments: [
        ([640, 480], [896, 672]),   // too few pixels: 4:3 at the nearest allowed count
        ([1000, 750], [1000, 750]), // allowed as it is
        ([4000, 500], [2560, 640]), // 8:1, too many pixels: 4:1 at the largest count
    ])
    func inProcessEditWritesTheFittedSize(input: [Int], expected: [Int]) async throws {
        let folder = try Self.folder(photoWidth: input[0], photoHeight: input[1])
        defer { try? FileManager.default.removeItem(at: folder) }
        let photo = folder.appendingPathComponent("photo.png")
        let original = try Data(contentsOf: photo)

        let (status, output) = try await CommandRun.run(["edit", photo.path, "--prompt", "warmer, more contrast"])
        #expect(status == 0, "\(output)")
        let result = folder.appendingPathComponent("photo-edited.png")
        #expect(try Self.size(of: result) == expected)
        #expect(output.contains("saved \(result.path) (\(expected[0])x\(expected[1]))"))
        #expect(try Data(contentsOf: photo) == original, "the input is untouched")
    }

    /// `--plan` reads the prompt alone: the plan a job would show, what it would not apply,
    /// and the exit status a job would end with.
    @Test func planShowsWhatThePromptAsksWithoutAPhoto() async throws {
        let (status, output) = try await CommandRun.run(["edit", "--plan", "--prompt", "too dark and saturated, remove the rocket"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("plan: brightness +1; saturation -1"), "\(output)")
        #expect(output.contains("not applied: remove the rocket"), "\(output)")
        let (nothing, refused) = try await CommandRun.run(["edit", "--plan", "--prompt", "remove the rocket"])
        #expect(nothing == 1 && refused.contains("unsupported_prompt"), "\(refused)")
        let (usage, message) = try await CommandRun.run(["edit", "photo.png", "--plan", "--prompt", "warmer"])
        #expect(usage == 2 && message.contains("--plan reads the prompt alone"), "\(message)")
    }

    @Test func inProcessVariantsGoToNumberedFilesInTheFormatOfTheirExtension() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, output) = try await CommandRun.run(
            ["edit", "photo.png", "--prompt", "sepia", "--size", "768x1024", "--num-images", "2", "--seed", "3",
             "-o", "out.jpg"], directory: folder)
        #expect(status == 0, "\(output)")
        for index in 1...2 {
            let file = folder.appendingPathComponent("out-\(index).jpg")
            #expect(try Self.size(of: file) == [768, 1024])
            #expect(try Data(contentsOf: file).prefix(2) == Data([0xFF, 0xD8]), "a JPEG")
        }
    }

    @Test(arguments: [
        (["--size", "100x100"], "--size width: must be between 384 and 2560 (got 100)"),
        (["--size", "2000x2000"], "--size: must be between 768×768 (589824) and 1280×1280 (1638400) pixels (got 2000×2000 = 4000000)"),
        (["--size", "big"], "--size must be WIDTHxHEIGHT, e.g. 1024x768 (got big)"),
        (["--num-images", "5"], "--num-images: must be between 1 and 4 (got 5)"),
        (["--model", "nope"], "--model: unknown model \"nope\"; this server serves: alibaba/wan-2.6/image-to-image, easel/classic"),
        (["-o", "photo.png"], "is one of the photos; easel edit never overwrites its inputs"),
        (["-o", "out.gif"], "-o: the extension picks the format: .png, .jpg, .jpeg or .webp (got .gif)"),
        (["--key", "esk_x"], "--key needs --server"),
        (["--server", "http://127.0.0.1:9"], "--server needs an API key: --key KEY or EASEL_KEY"),
        (["--bogus"], "Unknown option '--bogus'"),
    ])
    func usageErrorsExitTwo(extra: [String], message: String) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, output) = try await CommandRun.run(["edit", "photo.png", "--prompt", "warmer"] + extra, directory: folder)
        #expect(status == 2, "\(output)")
        #expect(output.contains(message), "\(output)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(written == ["photo.png"], "nothing written")
    }

    @Test func aURLNeedsAServerAndAMissingPromptIsAUsageError() async throws {
        let url = try await CommandRun.run(["edit", "http://example.com/cat.png", "--prompt", "warmer"])
        #expect(url.status == 2)
        #expect(url.output.contains("without --server, photos must be local files (got http://example.com/cat.png)"))
        let noPrompt = try await CommandRun.run(["edit", "photo.png"])
        #expect(noPrompt.status == 2)
        #expect(noPrompt.output.contains("Missing expected argument '--prompt <prompt>'"), "\(noPrompt.output)")
    }

    @Test func aPromptTheEngineCannotDoExitsOneWithItsCodeAndMessage() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, output) = try await CommandRun.run(["edit", "photo.png", "--prompt", "turn the cat into a dog"], directory: folder)
        #expect(status == 1, "\(output)")
        #expect(output.contains("Error: unsupported_prompt: "), "\(output)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("photo-edited.png").path))
    }

    // MARK: Against a server

    @Test func serverModeUploadsFollowsTheJobAndDownloadsEveryResult() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ProcessScope.run { scope in
            let server = try await scope.start()
            let key = try ProcessTests.firstKey(scope)
            // The server and key from the environment, as a script would set them once.
            let (status, output) = try await CommandRun.run(
                ["edit", "photo.png", "--prompt", "warmer", "--num-images", "2"],
                environment: ["EASEL_SERVER": server.baseURL, "EASEL_KEY": key], directory: folder)
            #expect(status == 0, "\(output)")
            #expect(output.contains("uploaded photo.png (640x480)"), "\(output)")
            #expect(output.contains("succeeded"), "\(output)")
            for index in 1...2 {
                let file = folder.appendingPathComponent("photo-edited-\(index).png")
                #expect(try Self.size(of: file) == [896, 672])
                #expect(output.contains("saved \(file.path) (896x672)"))
            }
            let id = try #require(Self.jobID(in: output), "\(output)")
            let job = JSON(data: try await LiveClient(http: scope.http, baseURL: server.baseURL, key: key)
                .send(.GET, "/api/v1/job/query?id=\(id)").body)["data"]
            #expect(job["status"].int == 2)
            #expect(job["result"]["images"].array?.count == 2)

            // A data: URL goes to the server as it is; the result is named after no file.
            let inline = try await CommandRun.run(
                ["edit", try ImageFixture.dataURL(width: 64, height: 48), "--prompt", "warmer", "--size", "1024x768"],
                environment: ["EASEL_SERVER": server.baseURL, "EASEL_KEY": key], directory: folder)
            #expect(inline.status == 0, "\(inline.output)")
            #expect(try Self.size(of: folder.appendingPathComponent("image-edited.png")) == [1024, 768])
        }
    }

    @Test func aFailedJobExitsOneWithTheServersCodeAndMessage() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ProcessScope.run { scope in
            let server = try await scope.start()
            let key = try ProcessTests.firstKey(scope)
            let (status, output) = try await CommandRun.run(
                ["edit", "\(images.baseURL)/broken.png", "--prompt", "warmer", "--size", "1024x768",
                 "--server", server.baseURL, "--key", key], directory: folder)
            #expect(status == 1, "\(output)")
            let id = try #require(Self.jobID(in: output), "\(output)")
            let failure = JSON(data: try await LiveClient(http: scope.http, baseURL: server.baseURL, key: key)
                .send(.GET, "/api/v1/job/query?id=\(id)").body)["data"]["error"]
            let code = try #require(failure["code"].string)
            let message = try #require(failure["message"].string)
            #expect(code == "input_undecodable")
            #expect(output.contains("Error: job \(id) failed: \(code): \(message)"), "\(output)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["photo.png"])
        }
    }

    @Test func serverErrorsNameTheirCause() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ProcessScope.run { scope in
            let server = try await scope.start()
            let badKey = try await CommandRun.run(
                ["edit", "photo.png", "--prompt", "warmer", "--server", server.baseURL, "--key", "esk_wrong"], directory: folder)
            #expect(badKey.status == 1, "\(badKey.output)")
            #expect(badKey.output.contains("the server answered 2001: Authorization: the API key is not valid or was revoked"),
                    "\(badKey.output)")
        }
        // Nothing listens on the discard port of loopback.
        let unreachable = try await CommandRun.run(
            ["edit", "photo.png", "--prompt", "warmer", "--server", "http://127.0.0.1:9", "--key", "esk_x"], directory: folder)
        #expect(unreachable.status == 1, "\(unreachable.output)")
        #expect(unreachable.output.contains("Error: cannot reach http://127.0.0.1:9/api/v1/files: "), "\(unreachable.output)")
    }

    /// Ctrl-C while the job runs (its input held by the image server) cancels it on the server.
    @Test func ctrlCCancelsTheJobOnTheServer() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        images.hold()
        defer { images.release() }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ProcessScope.run { scope in
            let server = try await scope.start()
            let key = try ProcessTests.firstKey(scope)
            let client = LiveClient(http: scope.http, baseURL: server.baseURL, key: key)
            let edit = try CommandRun(
                ["edit", "\(images.baseURL)/slow.png", "--prompt", "warmer", "--size", "1024x768",
                 "--server", server.baseURL, "--key", key], directory: folder)
            try await eventually("the job to be created", timeout: .seconds(30)) { Self.jobID(in: edit.output) != nil }
            let id = try #require(Self.jobID(in: edit.output))
            _ = try await client.waitFor(id, status: [1], timeout: .seconds(30))
            try await eventually("easel edit to show the job running", timeout: .seconds(30)) { edit.output.contains("running") }

            edit.interrupt()
            let status = try await edit.exitStatus()
            #expect(status == 130, "\(edit.output)")
            #expect(edit.output.contains("interrupted: canceled job \(id) on the server"), "\(edit.output)")
            let job = try await client.waitFor(id, status: [2, 3, 4], timeout: .seconds(30))
            #expect(job["status"].int == 4, "canceled, not left running: \(String(describing: job.value))")
        }
    }
}
