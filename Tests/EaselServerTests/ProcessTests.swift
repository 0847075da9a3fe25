import AsyncHTTPClient
import EaselImaging
import Foundation
import HTTPTypes
import Testing

/// The `easel` binary as an operator runs it: first start, the seed's curl flow, a SIGKILL in
/// the middle of a job, SIGTERM, and the key commands.
@Suite(.serialized) struct ProcessTests {
    /// The first key, from the file `easel serve` writes when stdout is not a terminal.
    static func firstKey(_ scope: ProcessScope) throws -> String {
        let text = try String(contentsOf: scope.dataDirectory.appendingPathComponent("initial-api-key.txt"), encoding: .utf8)
        return try firstKey(text)
    }

    static func firstKey(_ output: String) throws -> String {
        let line = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("esk_") }
        return try #require(line)
    }

    static func createBody(_ args: [String: Any], callback: String? = nil) -> Data {
        var root: [String: Any] = ["model": "alibaba/wan-2.6/image-to-image", "args": args]
        root["callback_url"] = callback
        return JSON.body(root)
    }

    /// The hosted API's own curl example, pointed at a fresh `easel serve`.
    @Test func seedCurlFlowOnAFreshDataDirectory() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png(width: 900, height: 700))
        try await ProcessScope.run { scope in
            let server = try await scope.start()
            let output = server.readOutput()
            #expect(output.contains("initial-api-key.txt (mode 0600)"))
            #expect(!output.contains("esk_"), "secrets stay out of a non-terminal stdout")
            let keyFile = scope.dataDirectory.appendingPathComponent("initial-api-key.txt")
            let attributes = try FileManager.default.attributesOfItem(atPath: keyFile.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let banner = try String(contentsOf: keyFile, encoding: .utf8)
            let key = try Self.firstKey(banner)
            #expect(banner.contains("curl -s -X POST \(server.baseURL)/api/v1/job/create"))
            #expect(banner.contains("whsec_"))
            let client = LiveClient(http: scope.http, baseURL: server.baseURL, key: key)

            let body = Self.createBody(
                ["prompt": SeedPrompt.text, "image_urls": ["\(images.baseURL)/image.png"], "width": 1280, "height": 1280],
                callback: "http://127.0.0.1:9/callback")
            let created = try await client.send(.POST, "/api/v1/job/create", body: body)
            #expect(created.status == 200)
            // The seed's own shell line reads the id with grep -o '"job_id": *"[^"]*"'.
            let text = String(decoding: created.body, as: UTF8.self)
            #expect(text.range(of: #""job_id": *"[^"]*""#, options: .regularExpression) != nil)
            let id = try #require(JSON(data: created.body)["data"]["job_id"].string)
            let done = try await client.waitFor(id, status: [2, 3, 4])
            #expect(done["status"].int == 2, "\(String(describing: done.value))")
            let url = try #require(done["result"]["images"][0]["url"].string)
            #expect(url.hasPrefix(server.baseURL + "/v1/files/"))
            let raster = try Raster.decode(try await client.send(.GET, url).body)
            #expect(raster.width == 1280 && raster.height == 1280)
            server.terminate()
            server.process.waitUntilExit()
        }
    }

    /// A worker killed with SIGKILL mid-job: after a restart the job completes once, with
    /// one set of images and one charge. The lease is long, so no pause of a loaded machine
    /// lets it lapse while the first process lives; the test ages it past its expiry once
    /// that process is dead, as time passing would.
    @Test func sigkillMidJobThenRestart() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        images.hold()
        defer { images.release() }
        try await ProcessScope.run { scope in
            let options = ["--lease-seconds", "600"]
            let first = try await scope.start(extra: options)
            let key = try Self.firstKey(scope)
            var client = LiveClient(http: scope.http, baseURL: first.baseURL, key: key)
            let body = Self.createBody(
                ["prompt": "warmer", "image_urls": ["\(images.baseURL)/slow.png"], "width": 1024, "height": 1024, "num_images": 2])
            let id = try #require(JSON(data: try await client.send(.POST, "/api/v1/job/create", body: body).body)["job_id"].string)
            let running = try await client.waitFor(id, status: [1])
            #expect(running["attempts"].int == 1)
            try await eventually("the job to fetch its input") { !images.requests.isEmpty }
            first.kill()
            images.release()
            let expired = try await StoredRows(dataDirectory: scope.dataDirectory).update(
                "UPDATE jobs SET lease_expires_at = ? WHERE id = ?", [StoredRows.millis(Date()) - 1000, id])
            #expect(expired == 1)

            let second = try await scope.start(port: first.port, extra: options)
            #expect(!second.readOutput().contains("initial-api-key"), "a restart must not create another key")
            client = LiveClient(http: scope.http, baseURL: second.baseURL, key: key)
            let done = try await client.waitFor(id, status: [2, 3, 4])
            #expect(done["status"].int == 2, "\(String(describing: done.value))")
            #expect(done["attempts"].int == 2)
            #expect(done["amount"].string == "0.052")
            #expect(done["refunded"].bool == false)
            #expect(done["result"]["images"].array?.count == 2)
            let stored = try FileManager.default.contentsOfDirectory(atPath: scope.dataDirectory.appendingPathComponent("blobs").path)
            #expect(stored.count == 2, "\(stored)")
            second.terminate()
            second.process.waitUntilExit()
        }
    }

    /// SIGTERM puts an unfinished job back in the queue (after the grace period) and exits
    /// cleanly; the next start finishes it without counting the interrupted attempt.
    @Test func sigtermReleasesUnfinishedWork() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        images.hold()
        defer { images.release() }
        try await ProcessScope.run { scope in
            let options = ["--shutdown-grace-seconds", "0.5"]
            let first = try await scope.start(extra: options)
            let key = try Self.firstKey(scope)
            var client = LiveClient(http: scope.http, baseURL: first.baseURL, key: key)
            let body = Self.createBody(["prompt": "cooler", "image_urls": ["\(images.baseURL)/slow.png"], "width": 1024, "height": 1024])
            let id = try #require(JSON(data: try await client.send(.POST, "/api/v1/job/create", body: body).body)["job_id"].string)
            _ = try await client.waitFor(id, status: [1])
            try await eventually("the job to fetch its input") { !images.requests.isEmpty }
            first.terminate()
            first.process.waitUntilExit()
            #expect(first.process.terminationStatus == 0, "\(first.readOutput())")
            images.release()

            let second = try await scope.start(port: first.port, extra: options)
            client = LiveClient(http: scope.http, baseURL: second.baseURL, key: key)
            let done = try await client.waitFor(id, status: [2, 3, 4])
            #expect(done["status"].int == 2)
            #expect(done["attempts"].int == 1)
            second.terminate()
            second.process.waitUntilExit()
        }
    }

    /// A callback whose first attempt failed is retried by the next process after a crash,
    /// with the same `webhook-id` and body. The retry is an hour away, so the first process
    /// cannot make it however slowly the test runs; once it is dead, the test makes the
    /// retry due, as the hour passing would.
    @Test func callbackSurvivesACrashBetweenAttempts() async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        receiver.scriptHook([500])
        try await ProcessScope.run { scope in
            let options = ["--callback-schedule", "3600"]
            let first = try await scope.start(extra: options)
            let key = try Self.firstKey(scope)
            var client = LiveClient(http: scope.http, baseURL: first.baseURL, key: key)
            let body = Self.createBody(
                ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024],
                callback: receiver.baseURL + "/hook")
            let id = try #require(JSON(data: try await client.send(.POST, "/api/v1/job/create", body: body).body)["job_id"].string)
            try await eventually("the first attempt to be recorded") {
                JSON(data: try await client.send(.GET, "/api/v1/job/query?id=\(id)").body)["data"]["callback"]["attempts"].int == 1
            }
            first.kill()
            #expect(receiver.hooks.count == 1, "the retry was an hour away")
            let due = try await StoredRows(dataDirectory: scope.dataDirectory).update(
                "UPDATE callbacks SET next_attempt_at = ? WHERE job_id = ?", [StoredRows.millis(Date()) - 1000, id])
            #expect(due == 1)

            let second = try await scope.start(port: first.port, extra: options)
            client = LiveClient(http: scope.http, baseURL: second.baseURL, key: key)
            try await eventually("the retry after the restart") { receiver.hooks.count == 2 }
            let hooks = receiver.hooks
            #expect(hooks[0].headers[HTTPField.Name("webhook-id")!] == "msg_\(id)")
            #expect(hooks[1].headers[HTTPField.Name("webhook-id")!] == "msg_\(id)")
            #expect(hooks[0].body == hooks[1].body)
            try await eventually("the delivery to show on the job") {
                JSON(data: try await client.send(.GET, "/api/v1/job/query?id=\(id)").body)["data"]["callback"]["status"].string == "delivered"
            }
            second.terminate()
            second.process.waitUntilExit()
        }
    }

    @Test func jobCommands() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        images.hold()
        defer { images.release() }
        try await ProcessScope.run { scope in
            // A heartbeat every 10 s: the cancel below arrives with the next one.
            let server = try await scope.start(extra: ["--workers", "1", "--lease-seconds", "30"])
            let client = LiveClient(http: scope.http, baseURL: server.baseURL, key: try Self.firstKey(scope))
            let body = Self.createBody(["prompt": "warmer", "image_urls": ["\(images.baseURL)/slow.png"], "width": 1024, "height": 1024])
            let running = try #require(JSON(data: try await client.send(.POST, "/api/v1/job/create", body: body).body)["job_id"].string)
            _ = try await client.waitFor(running, status: [1])
            let queued = try #require(JSON(data: try await client.send(.POST, "/api/v1/job/create", body: body).body)["job_id"].string)
            let directory = scope.dataDirectory.path

            let listed = try EaselProcess.run(["jobs", "list", "--data-dir", directory])
            #expect(listed.status == 0)
            let lines = listed.output.split(separator: "\n").dropFirst()
            #expect(listed.output.hasPrefix("ID "), "a header row first")
            #expect(lines.count == 2)
            #expect(lines.first?.hasPrefix(queued) == true && lines.last?.hasPrefix(running) == true)
            #expect(try EaselProcess.run(["jobs", "list", "--status", "running", "--data-dir", directory]).output.contains(running))

            #expect(try EaselProcess.run(["jobs", "cancel", queued, "--data-dir", directory]).output.contains("canceled \(queued) (refunded)"))
            let shown = try EaselProcess.run(["jobs", "show", queued, "--data-dir", directory])
            #expect(JSON(data: Data(shown.output.utf8))["status"].int == 4)

            // A running job in another process stops at its worker's next heartbeat.
            #expect(try EaselProcess.run(["jobs", "cancel", running, "--data-dir", directory]).output.contains("cancel requested"))
            let stopped = try await client.waitFor(running, status: [2, 3, 4], timeout: .seconds(90))
            #expect(stopped["status"].int == 4)
            #expect(stopped["refunded"].bool == true)
            let missing = try EaselProcess.run(["jobs", "show", "nope", "--data-dir", directory])
            #expect(missing.status == 1 && missing.output.contains("no job with id nope"))
            #expect(!missing.output.contains("Usage:"), "not a usage error")
            server.terminate()
            server.process.waitUntilExit()
        }
    }

    @Test func keyCommands() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let created = try EaselProcess.run(["keys", "create", "--name", "ci", "--data-dir", directory.path])
        #expect(created.status == 0)
        let secret = try Self.firstKey(created.output)
        let id = try #require(created.output.split(separator: " ").dropFirst().first.map(String.init))
        #expect(id.hasPrefix("key_"))

        let listed = try EaselProcess.run(["keys", "list", "--data-dir", directory.path])
        #expect(listed.output.contains(id) && listed.output.contains("ci") && listed.output.contains("active"))
        #expect(!listed.output.contains(secret), "list never shows secrets")

        #expect(try EaselProcess.run(["keys", "revoke", id, "--data-dir", directory.path]).status == 0)
        #expect(try EaselProcess.run(["keys", "list", "--data-dir", directory.path]).output.contains("revoked"))
        let again = try EaselProcess.run(["keys", "revoke", id, "--data-dir", directory.path])
        #expect(again.status == 1)
        #expect(again.output.contains("no active key with id \(id)"))
    }

    @Test func badSettingsAreNamed() throws {
        let result = try EaselProcess.run(["serve", "--port", "eighty", "--data-dir", "/tmp/easel-never-created"])
        #expect(result.status != 0)
        #expect(result.output.contains("--port / EASEL_PORT: must be an integer from 0 to 65535 (got \"eighty\")"))
    }
}
