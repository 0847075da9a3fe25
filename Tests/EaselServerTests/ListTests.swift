import Foundation
import Testing

@Suite struct ListTests {
    @Test func newestFirstWithCursorsAndFilters() async throws {
        try await EaselHarness.run { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024]
            var created: [String] = []
            for _ in 0..<5 { created.append(try #require(try await api.create(args).json["job_id"].string)) }
            _ = try await api.create(["prompt": "put a hat on it", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024])
            _ = try await api.create(args, key: api.otherKey)

            var seen: [String] = []
            var cursor: String?
            repeat {
                let query = cursor.map { "&cursor=\($0)" } ?? ""
                let page = try await api.request(.get, "/api/v1/job/list?limit=2\(query)").json["data"]
                let ids = (page["jobs"].array ?? []).compactMap { $0["job_id"].string }
                #expect(ids.count <= 2)
                seen += ids
                cursor = page["next_cursor"].string
            } while cursor != nil
            #expect(seen.count == 6)
            #expect(Set(seen).count == 6)
            #expect(Array(seen.suffix(5)) == created.reversed())

            try await eventually("all jobs to finish") {
                let all = try await api.request(.get, "/api/v1/job/list?limit=100").json["data"]["jobs"].array ?? []
                return all.allSatisfy { ($0["status"].int ?? 0) >= 2 }
            }
            let failed = try await api.request(.get, "/api/v1/job/list?status=failed").json["data"]["jobs"].array ?? []
            #expect(failed.count == 1)
            let succeeded = try await api.request(.get, "/api/v1/job/list?status=2").json["data"]["jobs"].array ?? []
            #expect(succeeded.count == 5)

            for bad in ["status=7", "limit=0", "limit=101", "cursor=nonsense"] {
                let reply = try await api.request(.get, "/api/v1/job/list?\(bad)")
                #expect(reply.status == 400, "\(bad)")
                #expect(reply.json["message"].string?.hasPrefix(String(bad.prefix { $0 != "=" }) + ":") == true, "\(bad)")
            }
        }
    }

    /// `easel jobs list` for operators: every key's jobs newest first, narrowed to one key with
    /// `--key` and cut to the newest few with `--limit`.
    @Test func operatorListingByKeyAndLimit() async throws {
        try await EaselHarness.run { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024]
            var mine: [String] = [], theirs: [String] = []
            for _ in 0..<3 { mine.append(try #require(try await api.create(args).json["job_id"].string)) }
            for _ in 0..<2 { theirs.append(try #require(try await api.create(args, key: api.otherKey).json["job_id"].string)) }
            let keys = try await api.keys.allKeys()
            let first = try #require(keys.first { $0.name == "first" }?.id)
            let second = try #require(keys.first { $0.name == "second" }?.id)
            let directory = ["--data-dir", api.dataDirectory.path]

            let everyone = try await EaselCommand.jobRows(directory)
            #expect(everyone.map { $0[0] } == Array((mine + theirs).reversed()))
            let byFirst = try await EaselCommand.jobRows(["--key", first] + directory)
            #expect(byFirst.map { $0[0] } == Array(mine.reversed()))
            #expect(byFirst.allSatisfy { $0.count > 2 && $0[2] == first })
            #expect(try await EaselCommand.jobRows(["--key", second, "--limit", "1"] + directory).map { $0[0] } == [theirs[1]])
            #expect(try await EaselCommand.jobRows(["--limit", "2"] + directory).map { $0[0] } == [theirs[1], theirs[0]])
            #expect(try await EaselCommand.jobRows(["--key", "key_nobody"] + directory).isEmpty)
        }
    }
}
