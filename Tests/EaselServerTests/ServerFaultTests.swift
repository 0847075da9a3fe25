import Foundation
import Testing

/// What clients see when the server, not their request, is at fault.
@Suite struct ServerFaultTests {
    /// An error nobody planned for answers 500, code 5000, and keeps its details (paths,
    /// errno) in the server's log, out of the answer.
    @Test func anUnexpectedFailureAnswers5000WithoutDetails() async throws {
        try await EaselHarness.run { api in
            // The file folder replaced by a plain file: every write fails, as on a broken disk,
            // whatever the user's rights.
            let blobs = api.dataDirectory.appendingPathComponent("blobs")
            try FileManager.default.removeItem(at: blobs)
            try Data("not a folder".utf8).write(to: blobs)
            let reply = try await api.request(.post, "/api/v1/files", body: try ImageFixture.png(), headers: [.contentType: "image/png"])
            #expect(reply.status == 500)
            #expect(reply.json["code"].int == 5000)
            #expect(reply.json["message"].string == "internal error; the server log has the details")
            #expect(!String(decoding: reply.body, as: UTF8.self).contains(api.dataDirectory.path))
            #expect(try await api.request(.get, "/api/v1/job/list").status == 200, "the server keeps answering")
        }
    }

    /// A queued job whose model this server does not serve (queued by a server with other
    /// engines, before a restart) fails `model_unavailable`, refunded, instead of running on
    /// whatever engine is there.
    @Test func aJobForAModelNoLongerServedFails() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        images.hold()
        defer { images.release() }
        try await EaselHarness.run(configure: { $0.workers = 1 }) { api in
            let size: [String: Any] = ["width": 1024, "height": 1024]
            // The only worker waits on a held input, so the next job stays queued while its
            // stored model is changed.
            let first = try #require(try await api.create(
                size.merging(["prompt": "warmer", "image_urls": ["\(images.baseURL)/slow.png"]]) { $1 }).json["job_id"].string)
            try await eventually("the first job to wait on its input") { images.requests.contains("/slow.png") }
            let retired = try #require(try await api.create(
                size.merging(["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)]]) { $1 }).json["job_id"].string)
            let changed = try await StoredRows(dataDirectory: api.dataDirectory)
                .update("UPDATE jobs SET model = 'acme/retired-model' WHERE id = ? AND status = 0", [retired])
            #expect(changed == 1)
            images.release()

            let done = try await api.waitForTerminal(retired)
            #expect(done["status"].int == 3)
            #expect(done["error"]["code"].string == "model_unavailable")
            #expect(done["error"]["message"].string == "model: acme/retired-model is no longer served by this server")
            #expect(done["refunded"].bool == true)
            #expect(done["result"].isNull)
            #expect(try await api.waitForTerminal(first)["status"].int == 2)
        }
    }
}
