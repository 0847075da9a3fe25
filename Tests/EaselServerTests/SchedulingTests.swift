import Foundation
import Testing

/// One key's slow inputs must not hold up another key's job: inputs are fetched outside the
/// engine slots, and a key may hold only `--max-running-per-key` running jobs.
@Suite struct SchedulingTests {
    @Test func slowInputsOfOneKeyDoNotDelayAnother() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        images.hold()
        defer { images.release() }
        try await EaselHarness.run(configure: { $0.workers = 2 }) { api in
            // Three jobs whose image host never answers while held; the per-key limit
            // (as many as --workers: 2) lets two of them wait on their host, not three.
            var slow: [String] = []
            for _ in 0..<3 {
                let reply = try await api.create(
                    ["prompt": "warmer", "image_urls": ["\(images.baseURL)/slow.png"], "width": 1024, "height": 1024])
                slow.append(try #require(reply.json["job_id"].string))
            }
            try await eventually("two slow jobs to wait on their input host") {
                images.requests.filter { $0.hasSuffix("/slow.png") }.count == 2
            }
            // Another key's job runs to the end meanwhile.
            let quick = try await api.create(
                ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024],
                key: api.otherKey)
            let quickID = try #require(quick.json["job_id"].string)
            let done = try await api.waitForTerminal(quickID, key: api.otherKey)
            #expect(done["status"].int == 2)
            var statuses: [Int] = []
            for id in slow { statuses.append(try #require(try await api.query(id).json["data"]["status"].int)) }
            #expect(statuses == [1, 1, 0], "two held on their host, the third queued behind the key's limit")

            images.release()
            for id in slow { #expect(try await api.waitForTerminal(id)["status"].int == 2) }
        }
    }
}
