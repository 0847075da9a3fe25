import EaselServer
import Foundation
import HTTPTypes
import Testing

/// The cap on a key's queued and running jobs (`--max-unfinished-per-key`), counted in the
/// database, through a live server on loopback. An API-only node runs no jobs, so the jobs
/// stay queued and the count is exact.
@Suite struct UnfinishedLimitTests {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    @Test func createsBeyondTheCapGet429UntilAJobFinishes() async throws {
        try await EaselHarness.run(configure: { $0.role = .api; $0.maxUnfinishedPerKey = 3 }) { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL()], "width": 1024, "height": 1024]
            let body = JSON.body(["model": "alibaba/wan-2.6/image-to-image", "args": args])
            // One job made with an Idempotency-Key before the key reaches its cap (the same
            // bytes each time: the key's replay compares bodies byte for byte).
            let first = try await api.request(.post, "/api/v1/job/create", body: body, headers: [Self.idempotencyKey: "first"])
            let firstID = try #require(first.json["job_id"].string)

            try await LoadClient.with(port: api.client.port) { load in
                let answers = try await load.sendAll(16, .POST, "/api/v1/job/create", key: api.key, body: body)
                let created = answers.filter { $0.status == 200 }
                let refused = answers.filter { $0.status == 429 }
                #expect(created.count == 2 && refused.count == 14, "\(answers.map(\.status))")
                for answer in refused {
                    #expect(answer.json["code"].int == 3002)
                    #expect(answer.json["message"].string
                        == "jobs: this API key has 3 queued or running jobs, the most it may have; retry when one finishes")
                    #expect(answer.header("Retry-After") == "1")
                    #expect(answer.header("X-RateLimit-Limit") != nil, "the rate headers are on every answer")
                }

                // A retry of a request already accepted gets its job, cap or not.
                let replay = try await api.request(.post, "/api/v1/job/create", body: body, headers: [Self.idempotencyKey: "first"])
                #expect(replay.status == 200 && replay.json["job_id"].string == firstID)
                #expect(replay.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")

                // Another key is not held back by the first one's jobs.
                #expect(try await load.send(.POST, "/api/v1/job/create", key: api.otherKey, body: body).status == 200)

                // A job that finishes (here: canceled) makes room for exactly one more.
                #expect(try await api.request(.post, "/api/v1/job/cancel?id=\(firstID)").status == 200)
                let again = try await load.sendAll(4, .POST, "/api/v1/job/create", key: api.key, body: body)
                #expect(again.map(\.status).sorted() == [200, 429, 429, 429])
            }
        }
    }
}
