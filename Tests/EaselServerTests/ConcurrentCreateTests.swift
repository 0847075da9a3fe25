import EaselServer
import Foundation
import Testing

/// Creates that arrive together are committed together (group commit on SQLite); each one
/// answered must be a stored job its client can read.
@Suite struct ConcurrentCreateTests {
    @Test(arguments: [false, true])
    func everyAnsweredCreateIsStoredAndReadable(onPostgres: Bool) async throws {
        try await EaselHarness.run(onPostgres: onPostgres, configure: { $0.role = .api }) { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL()], "width": 1024, "height": 1024]
            let body = JSON.body(["model": "alibaba/wan-2.6/image-to-image", "args": args])
            try await LoadClient.with(port: api.client.port) { load in
                let answers = try await load.sendAll(64, .POST, "/api/v1/job/create", key: api.key, body: body)
                #expect(answers.allSatisfy { $0.status == 200 }, "\(answers.map(\.status))")
                let ids = answers.compactMap { $0.json["data"]["job_id"].string }
                #expect(Set(ids).count == 64)
                let reads = try await withThrowingTaskGroup(of: LoadClient.Answer.self) { group in
                    for id in ids { group.addTask { try await load.send(.GET, "/api/v1/job/query?id=\(id)", key: api.key) } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(reads.allSatisfy { $0.status == 200 && $0.json["data"]["status"].int == 0 })
                #expect(Set(reads.compactMap { $0.json["data"]["job_id"].string }) == Set(ids))
            }
        }
    }
}
