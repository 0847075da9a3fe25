import Foundation
import Testing

@Suite struct CancelTests {
    @Test func queuedRunningAndFinished() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        images.hold()
        defer { images.release() }
        try await EaselHarness.run(configure: { $0.workers = 1 }) { api in
            let slow: [String: Any] = ["prompt": "warmer", "image_urls": ["\(images.baseURL)/slow.png"], "width": 1024, "height": 1024, "num_images": 2]
            let running = try #require(try await api.create(slow).json["job_id"].string)
            try await eventually("the first job to run") { try await api.query(running).json["data"]["status"].int == 1 }
            let queued = try #require(try await api.create(slow).json["job_id"].string)
            #expect(try await api.query(queued).json["data"]["queue_position"].int == 1)

            // A queued job is canceled and refunded at once.
            let canceled = try await api.request(.post, "/api/v1/job/cancel?id=\(queued)")
            #expect(canceled.status == 200)
            #expect(canceled.json["data"]["status"].int == 4)
            #expect(canceled.json["data"]["refunded"].bool == true)
            #expect(canceled.json["data"]["amount"].string == "0.052")

            // A running job stops at its next safe point (here: in the middle of fetching).
            let requested = try await api.request(.post, "/api/v1/job/cancel?id=\(running)")
            #expect(requested.status == 200)
            try await eventually("the running job to stop", timeout: .seconds(30)) {
                try await api.query(running).json["data"]["status"].int == 4
            }
            let stopped = try await api.query(running).json["data"]
            #expect(stopped["refunded"].bool == true)
            #expect(stopped["result"].isNull)

            // A finished job says so.
            let again = try await api.request(.post, "/api/v1/job/cancel?id=\(running)")
            #expect(again.status == 409)
            #expect(again.json["code"].int == 2010)
            #expect(again.json["message"].string == "id: job \(running) already finished (canceled); nothing to cancel")

            // Another key cannot cancel (or learn of) the job.
            let foreign = try await api.request(.post, "/api/v1/job/cancel?id=\(running)", key: api.otherKey)
            #expect(foreign.status == 404)
        }
    }
}
