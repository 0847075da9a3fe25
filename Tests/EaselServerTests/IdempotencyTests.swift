import Foundation
import HTTPTypes
import Testing

@Suite struct IdempotencyTests {
    @Test func sameKeyAndBodyReturnTheSameJobChargedOnce() async throws {
        try await EaselHarness.run { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024]
            let header: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "order-42"]
            let body = JSON.body(["model": "alibaba/wan-2.6/image-to-image", "args": args])
            let first = try await api.request(.post, "/api/v1/job/create", body: body, headers: header)
            let again = try await api.request(.post, "/api/v1/job/create", body: body, headers: header)
            #expect(first.status == 200 && again.status == 200)
            let id = try #require(first.json["job_id"].string)
            #expect(again.json["job_id"].string == id)
            #expect(again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            let listed = try await api.request(.get, "/api/v1/job/list").json["data"]["jobs"].array ?? []
            #expect(listed.count == 1)

            // The same key with another body is a conflict, not a second job.
            var other = args
            other["prompt"] = "cooler"
            let conflict = try await api.create(other, headers: header)
            #expect(conflict.status == 409)
            #expect(conflict.json["code"].int == 2009)
            #expect(conflict.json["message"].string?.hasPrefix("Idempotency-Key: already used") == true)

            // Keys are per API key: another key may use the same header value.
            let foreign = try await api.request(.post, "/api/v1/job/create", key: api.otherKey, body: body, headers: header)
            #expect(foreign.status == 200)
            #expect(foreign.json["job_id"].string != id)

            // Without the header, each request is a new job.
            let plain1 = try await api.request(.post, "/api/v1/job/create", body: body)
            let plain2 = try await api.request(.post, "/api/v1/job/create", body: body)
            #expect(plain1.json["job_id"].string != plain2.json["job_id"].string)
        }
    }

    /// The window is 24 hours from a key's first use. The stored use is aged rather than
    /// waited for: an hour short of a day it still answers the same job; a minute past, the
    /// same key and body make a new job, which starts a window of its own.
    @Test func aKeyOlderThan24HoursMakesANewJob() async throws {
        try await EaselHarness.run { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024]
            let header: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "nightly-7"]
            let body = JSON.body(["model": "alibaba/wan-2.6/image-to-image", "args": args])
            let create = { try await api.request(.post, "/api/v1/job/create", body: body, headers: header) }
            let first = try #require(try await create().json["job_id"].string)
            let rows = StoredRows(dataDirectory: api.dataDirectory)
            let day: Int64 = 24 * 3600 * 1000
            let age = { (millis: Int64) in
                try await rows.update(
                    "UPDATE idempotency_keys SET created_at = ? WHERE idempotency_key = 'nightly-7'", [StoredRows.millis(Date()) - millis])
            }

            #expect(try await age(day - 3_600_000) == 1)
            let inside = try await create()
            #expect(inside.json["job_id"].string == first)
            #expect(inside.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")

            #expect(try await age(day + 60_000) == 1)
            let past = try await create()
            #expect(past.status == 200)
            let second = try #require(past.json["job_id"].string)
            #expect(second != first)
            #expect(past.headers[HTTPField.Name("Idempotent-Replayed")!] == nil)
            #expect(try await create().json["job_id"].string == second)

            let listed = try await api.request(.get, "/api/v1/job/list").json["data"]["jobs"].array ?? []
            #expect(Set(listed.compactMap { $0["job_id"].string }) == [first, second])
        }
    }

    @Test func malformedKeysAreRefused() async throws {
        try await EaselHarness.run { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": ["https://e.com/a.png"], "width": 1024, "height": 1024]
            let reply = try await api.create(args, headers: [HTTPField.Name("Idempotency-Key")!: String(repeating: "k", count: 256)])
            #expect(reply.status == 400)
            #expect(reply.json["message"].string?.hasPrefix("Idempotency-Key: must be 1 to 255") == true)

            // Two headers: which one was meant cannot be known, so neither is guessed.
            var twice = HTTPFields()
            twice.append(HTTPField(name: HTTPField.Name("Idempotency-Key")!, value: "a"))
            twice.append(HTTPField(name: HTTPField.Name("Idempotency-Key")!, value: "b"))
            let duplicated = try await api.create(args, headers: twice)
            #expect(duplicated.status == 400)
            #expect(duplicated.json["message"].string == "Idempotency-Key: send the header once (got 2)")
            #expect(try await api.request(.get, "/api/v1/job/list").json["data"]["jobs"].array?.isEmpty == true)
        }
    }
}
