import AsyncHTTPClient
import EaselImaging
import EaselTestSupport
import Foundation
import Testing

/// Easel on PostgreSQL: the whole job flow through a live server, separate API and worker
/// processes sharing one database, a cancel that reaches another process's worker at once,
/// and a clear refusal to start on a database it cannot use.
@Suite(.serialized) struct PostgresServerTests {
    @Test func theJobFlowRunsOnPostgres() async throws {
        try await EaselHarness.run(onPostgres: true) { api in
            let upload = try await api.request(.post, "/api/v1/files", body: try ImageFixture.png(width: 300, height: 200))
            let uploaded = try #require(upload.json["data"]["url"].string, "\(upload.status)")
            let created = try await api.create(["prompt": "warmer", "image_urls": [uploaded], "width": 1024, "height": 768])
            let id = try #require(created.json["job_id"].string, "\(created.status) \(String(decoding: created.body, as: UTF8.self))")
            let done = try await api.waitForTerminal(id)
            #expect(done["status"].int == 2, "\(String(describing: done.value))")
            let url = try #require(done["result"]["images"][0]["url"].string)
            let raster = try Raster.decode(try await api.download(url).body)
            #expect(raster.width == 1024 && raster.height == 768)
            let listed = try await api.request(.get, "/api/v1/job/list").json["data"]["jobs"].array ?? []
            #expect(listed.count == 1)
            #expect(try await api.request(.get, "/readyz", key: .some(nil)).status == 200)
        }
    }

    /// An API process and a worker process on one database: the API node never runs a job,
    /// the worker node serves no API, results are read through the API node, and a cancel
    /// sent to the API node stops the job on the worker at once (a notification, not the
    /// next heartbeat, which the long lease puts 200 s away).
    @Test func apiAndWorkerProcessesShareOneDatabase() async throws {
        let database = try await TemporaryPostgres.shared.value.makeDatabase()
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        try await ProcessScope.run { scope in
            let shared = ["--database-url", database, "--lease-seconds", "600"]
            let api = try await scope.start(extra: shared + ["--role", "api"])
            let key = try ProcessTests.firstKey(scope)
            let worker = try await scope.start(extra: shared + ["--role", "worker"])
            let client = LiveClient(http: scope.http, baseURL: api.baseURL, key: key)
            #expect(try await LiveClient(http: scope.http, baseURL: worker.baseURL, key: key)
                .send(.GET, "/api/v1/job/list").status == 404, "a worker serves no API")

            let body = ProcessTests.createBody(["prompt": "brighter", "image_urls": ["\(images.baseURL)/image.png"], "width": 1024, "height": 1024])
            let id = try #require(JSON(data: try await client.send(.POST, "/api/v1/job/create", body: body).body)["job_id"].string)
            let done = try await client.waitFor(id, status: [2, 3, 4])
            #expect(done["status"].int == 2, "\(String(describing: done.value))")
            let url = try #require(done["result"]["images"][0]["url"].string)
            #expect(try await client.send(.GET, url).status == 200, "the worker's result is served by the API node")

            images.hold()
            defer { images.release() }
            let slow = ProcessTests.createBody(["prompt": "brighter", "image_urls": ["\(images.baseURL)/slow.png"], "width": 1024, "height": 1024])
            let held = try #require(JSON(data: try await client.send(.POST, "/api/v1/job/create", body: slow).body)["job_id"].string)
            _ = try await client.waitFor(held, status: [1])
            #expect(try await client.send(.POST, "/api/v1/job/cancel?id=\(held)").status == 200)
            let canceled = try await client.waitFor(held, status: [4], timeout: .seconds(90))
            #expect(canceled["refunded"].bool == true)
        }
    }

    @Test func aDatabaseItCannotUseStopsTheStartWithOneLine() async throws {
        let server = try await TemporaryPostgres.shared.value
        let cases = [
            ("postgres://easel@127.0.0.1:1/easel?sslmode=disable", "Connection refused"),
            ("postgres://easel:\(TemporaryPostgres.password)@127.0.0.1:\(server.port)/no_such_database?sslmode=disable", "no_such_database"),
            ("postgres://easel:wrong@127.0.0.1:\(server.port)/postgres?sslmode=disable", "password authentication failed"),
            ("mysql://root@127.0.0.1/x", "must be postgres://"),
        ]
        for (url, reason) in cases {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-bad-db-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let started = ContinuousClock.now
            let (status, output) = try EaselProcess.run(["serve", "--port", "0", "--data-dir", directory.path, "--database-url", url])
            #expect(status != 0)
            // A start that gave up rather than retried for ever: generous, a loaded machine
            // takes seconds to start a process.
            #expect(ContinuousClock.now - started < .seconds(60), "\(url) took too long to fail")
            let lines = output.split(separator: "\n").filter { !$0.isEmpty }
            #expect(lines.count == 1, "\(output)")
            #expect(output.contains("--database-url / EASEL_DATABASE_URL") && output.contains(reason), "\(output)")
        }
    }
}

/// PostgreSQL going down under a running server, and coming back.
@Suite(.serialized) struct PostgresOutageTests {
    @Test func requestsAnswerBusyWhileTheDatabaseIsDownAndEverythingResumes() async throws {
        let server = try await TemporaryPostgres.dedicated()
        let database = try server.makeDatabase()
        try await ProcessScope.run { scope in
            let easel = try await scope.start(extra: ["--database-url", database])
            let key = try ProcessTests.firstKey(scope)
            var client = LiveClient(http: scope.http, baseURL: easel.baseURL, key: key)
            client.timeout = .seconds(20)
            let body = ProcessTests.createBody(
                ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024])
            let before = try #require(JSON(data: try await client.send(.POST, "/api/v1/job/create", body: body).body)["job_id"].string)
            #expect(try await client.waitFor(before, status: [2])["status"].int == 2)

            try server.stop()
            // Within a few seconds (a ping a second, two to answer) the server knows; from
            // then on requests fail at once instead of waiting for a connection. (A request
            // already waiting for a connection when the database went down waits on: the
            // probe gives up on those after a second.)
            var probe = client
            probe.timeout = .seconds(1)
            try await eventually("readiness to fail", timeout: .seconds(60)) {
                (try? await probe.send(.GET, "/readyz").status).map { $0 != 200 } ?? false
            }
            let list = try await client.send(.GET, "/api/v1/job/list")
            #expect(list.status == 503, "\(String(decoding: list.body, as: UTF8.self))")
            #expect(JSON(data: list.body)["code"].int == 3000)
            #expect(JSON(data: list.body)["message"].string == "database: not reachable right now; retry later")
            #expect(try await client.send(.GET, "/healthz").status == 200, "the process itself is alive")

            try server.restart()
            try await eventually("the API to answer again", timeout: .seconds(90)) {
                try await client.send(.GET, "/api/v1/job/list").status == 200
            }
            let after = try #require(JSON(data: try await client.send(.POST, "/api/v1/job/create", body: body).body)["job_id"].string)
            #expect(try await client.waitFor(after, status: [2, 3, 4])["status"].int == 2)
            #expect(try await client.waitFor(before, status: [2])["status"].int == 2, "the job accepted before is still there")
        }
        try? server.stop()
    }
}

/// The operator's commands on a PostgreSQL database.
@Suite struct PostgresCommandTests {
    @Test func migrateKeysAndJobsTakeTheDatabaseURL() async throws {
        let database = try await TemporaryPostgres.shared.value.makeDatabase()
        let migrated = try EaselProcess.run(["migrate", "--database-url", database])
        #expect(migrated.status == 0, "\(migrated.output)")
        #expect(migrated.output.contains("schema up to date: postgres://easel:***@127.0.0.1:"), "\(migrated.output)")
        #expect(!migrated.output.contains(TemporaryPostgres.password), "the password is never printed")
        let created = try EaselProcess.run(["keys", "create", "--name", "ops", "--database-url", database])
        #expect(created.status == 0 && created.output.contains("esk_"), "\(created.output)")
        let listed = try EaselProcess.run(["keys", "list", "--json", "--database-url", database])
        #expect(listed.status == 0 && listed.output.contains("\"name\" : \"ops\""), "\(listed.output)")
        let jobs = try EaselProcess.run(["jobs", "list", "--json", "--database-url", database])
        // stdout and stderr share the pipe (a loaded machine may log a slow ping, with its
        // own brackets): the array is read from the line that opens it to its last bracket.
        let lines = jobs.output.split(separator: "\n", omittingEmptySubsequences: false)
        let opening = lines.lastIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("[") && !$0.contains("]") || $0 == "[]" }
        let array = opening.map { lines[$0...].joined(separator: "\n") }.flatMap { text in
            text.lastIndex(of: "]").map { String(text[...$0]) }
        } ?? ""
        let rows = try? JSONSerialization.jsonObject(with: Data(array.utf8)) as? [Any]
        #expect(jobs.status == 0 && rows?.isEmpty == true, "\(jobs.output)")
    }
}
