import EaselServer
import Foundation
import HTTPTypes
import Testing

/// Jobs that fail or are canceled call back too, with the body the query endpoint answers
/// and the same signature as a success.
@Suite struct CallbackOutcomeTests {
    @Test func aFailedJobCallsBackWithItsError() async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        try await EaselHarness.run { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": ["\(receiver.baseURL)/broken.png"], "width": 1024, "height": 1024]
            let id = try #require(try await api.create(args, callback: receiver.baseURL + "/hook").json["job_id"].string)
            let hook = try await Self.onlyHook(for: id, at: receiver)
            let data = JSON(data: hook.body)["data"]
            #expect(data["status"].int == 3)
            #expect(data["error"]["code"].string == "input_undecodable")
            #expect(data["error"]["message"].string?.hasPrefix("image_urls[0]: ") == true, "\(data["error"]["message"].string ?? "")")
            #expect(data["refunded"].bool == true)
            #expect(data["result"].isNull)
            try await Self.expectSignedQueryAnswer(hook, id: id, api: api)
        }
    }

    @Test func queuedAndRunningJobsCanceledCallBack() async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        receiver.hold()
        defer { receiver.release() }
        try await EaselHarness.run(configure: { $0.workers = 1 }) { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": ["\(receiver.baseURL)/slow.png"], "width": 1024, "height": 1024]
            let running = try #require(try await api.create(args, callback: receiver.baseURL + "/hook").json["job_id"].string)
            try await eventually("the first job to wait on its input") { receiver.requests.contains("/slow.png") }
            let queued = try #require(try await api.create(args, callback: receiver.baseURL + "/hook").json["job_id"].string)
            #expect(try await api.query(queued).json["data"]["status"].int == 0)

            // Canceled while queued: the store finishes the job itself.
            #expect(try await api.request(.post, "/api/v1/job/cancel?id=\(queued)").status == 200)
            let queuedHook = try await Self.onlyHook(for: queued, at: receiver)
            // Canceled while running: its worker finishes it at the next safe point.
            #expect(try await api.request(.post, "/api/v1/job/cancel?id=\(running)").status == 200)
            let runningHook = try await Self.onlyHook(for: running, at: receiver)

            for (hook, id) in [(queuedHook, queued), (runningHook, running)] {
                let data = JSON(data: hook.body)["data"]
                #expect(data["status"].int == 4, "\(id)")
                #expect(data["refunded"].bool == true, "\(id)")
                #expect(data["error"].isNull && data["result"].isNull, "\(id)")
                try await Self.expectSignedQueryAnswer(hook, id: id, api: api)
            }
            #expect(JSON(data: queuedHook.body)["data"]["attempts"].int == 0)
            #expect(JSON(data: runningHook.body)["data"]["attempts"].int == 1)
        }
    }

    /// Waits for the delivery of `id`'s callback and returns it, checking it came once.
    static func onlyHook(for id: String, at receiver: ImageScope) async throws -> ImageScope.ReceivedHook {
        let mine = { receiver.hooks.filter { $0.webhookID == "msg_\(id)" } }
        try await eventually("the callback of \(id)") { !mine().isEmpty }
        let hooks = mine()
        #expect(hooks.count == 1)
        return try #require(hooks.first)
    }

    /// The hook is signed with the key's secret and carries what the query answers (apart from
    /// `callback`, which tells how this very delivery went).
    static func expectSignedQueryAnswer(_ hook: ImageScope.ReceivedHook, id: String, api: APIClient) async throws {
        let timestamp = try #require(hook.headers[HTTPField.Name("webhook-timestamp")!])
        let signature = try #require(hook.headers[HTTPField.Name("webhook-signature")!])
        let secret = try await api.webhookSecret()
        #expect(signature == CallbackTests.sign(secret: secret, id: "msg_\(id)", timestamp: timestamp, body: hook.body))
        let sent = JSON(data: hook.body)
        #expect(sent["code"].int == 0)
        #expect(sent["data"]["job_id"].string == id)
        let queried = try await api.query(id).json
        #expect(Self.withoutCallback(sent["data"]) == Self.withoutCallback(queried["data"]), "\(id)")
    }

    static func withoutCallback(_ data: JSON) -> NSDictionary {
        var fields = data.value as? [String: Any] ?? [:]
        fields["callback"] = nil
        return fields as NSDictionary
    }
}
