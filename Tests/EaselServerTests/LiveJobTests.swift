import AsyncHTTPClient
import EaselCore
import Foundation
import HTTPTypes
import NIOCore
import Testing

/// Following a job without polling: links on every job, Server-Sent Events from the queue to
/// the end, and `Prefer: wait` on create.
@Suite struct LiveJobTests {
    static func args(_ url: String) -> [String: Any] {
        ["prompt": "warmer", "image_urls": [url], "width": 1024, "height": 1024]
    }

    @Test func jobsCarryTheirLinks() async throws {
        try await EaselHarness.run { api in
            let id = try #require(try await api.create(Self.args(try ImageFixture.dataURL())).json["job_id"].string)
            let urls = try await api.query(id).json["data"]["urls"]
            #expect(urls["get"].string == "http://easel.test/api/v1/job/query?id=\(id)")
            #expect(urls["cancel"].string == "http://easel.test/api/v1/job/cancel?id=\(id)")
            #expect(urls["events"].string == "http://easel.test/api/v1/job/events?id=\(id)")
            let done = try await api.waitForTerminal(id)
            #expect(done["urls"]["get"].string == urls["get"].string)
        }
    }

    @Test func eventsFollowAJobFromTheQueueToItsEnd() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        images.hold()
        defer { images.release() }
        try await ProcessScope.run { scope in
            let server = try await scope.start(extra: ["--workers", "1", "--prefetch", "0"])
            let key = try ProcessTests.firstKey(scope)
            let client = LiveClient(http: scope.http, baseURL: server.baseURL, key: key)
            let held = try #require(JSON(data: try await client.send(
                .POST, "/api/v1/job/create", body: ProcessTests.createBody(Self.args("\(images.baseURL)/slow.png")))
                .body)["data"]["job_id"].string)
            _ = try await client.waitFor(held, status: [1])
            let id = try #require(JSON(data: try await client.send(
                .POST, "/api/v1/job/create", body: ProcessTests.createBody(Self.args("\(images.baseURL)/image.png")))
                .body)["data"]["job_id"].string)

            var request = HTTPClientRequest(url: "\(server.baseURL)/api/v1/job/events?id=\(id)")
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
            let response = try await scope.http.execute(request, timeout: .seconds(60))
            #expect(response.status == .ok)
            #expect(response.headers.first(name: "Content-Type")?.hasPrefix("text/event-stream") == true)
            var stream = ServerSentEvents(body: response.body)

            // Behind the held job: queued, first in line.
            let first = try #require(try await stream.next())
            #expect(first.name == "progress")
            #expect(first.json["job_id"].string == id)
            #expect(first.json["status"].int == 0 && first.json["queue_position"].int == 1)

            images.release()
            var events = [first]
            while let event = try await stream.next() { events.append(event) }
            let last = try #require(events.last)
            #expect(last.name == "done")
            #expect(last.json["code"].int == 0)
            #expect(last.json["data"]["job_id"].string == id && last.json["data"]["status"].int == 2)
            #expect(last.json["data"]["result"]["images"].array?.count == 1)
            let progress = events.dropLast().compactMap { $0.json["progress"].double }
            #expect(progress == progress.sorted(), "progress never goes back: \(progress)")
            #expect(events.dropLast().allSatisfy { $0.name == "progress" })
        }
    }

    @Test func preferWaitAnswersWithTheFinishedJob() async throws {
        try await EaselHarness.run { api in
            var headers = HTTPFields()
            // The longest wait the server allows; the answer comes as soon as the job is done.
            headers[HTTPField.Name("Prefer")!] = "respond-async, wait=60"
            let root: [String: Any] = ["model": ModelRegistry.seedModelID, "args": Self.args(try ImageFixture.dataURL())]
            let reply = try await api.requestPatiently(.post, "/api/v1/job/create", body: JSON.body(root), headers: headers)
            #expect(reply.status == 200)
            #expect(reply.headers[HTTPField.Name("Preference-Applied")!] == "wait=60")
            let data = reply.json["data"]
            #expect(data["status"].int == 2, "\(String(describing: data.value))")
            #expect(data["result"]["images"].array?.count == 1)
            #expect(data["job_id"].string != nil)
        }
    }

    @Test func preferWaitThatRunsOutAnswersAsCreateDoes() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        images.hold()
        defer { images.release() }
        try await EaselHarness.run { api in
            var headers = HTTPFields()
            headers[HTTPField.Name("Prefer")!] = "wait=1"
            let reply = try await api.create(Self.args("\(images.baseURL)/slow.png"), headers: headers)
            #expect(reply.status == 200)
            #expect(reply.headers[HTTPField.Name("Preference-Applied")!] == "wait=1")
            let id = try #require(reply.json["data"]["job_id"].string)
            #expect(reply.json["job_id"].string == id && reply.json["data"]["amount"].string != nil)
            #expect(reply.json["data"]["status"].int == nil, "not finished: the usual create answer")
            images.release()
            _ = try await api.waitForTerminal(id)
        }
    }
}
