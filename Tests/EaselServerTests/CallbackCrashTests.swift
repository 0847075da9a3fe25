import Foundation
import HTTPTypes
import Testing

/// The `easel` process killed while a callback receiver holds an attempt open.
@Suite struct CallbackCrashTests {
    /// The cut attempt was never recorded: after a restart it is made again once its lease
    /// (twice the attempt timeout) expires, as the same event with the same body. The
    /// timeout is long, and the test ages the dead process's lease as time passing would.
    @Test func anAttemptCutByACrashIsMadeAgainAfterRestart() async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        receiver.holdHooks()
        defer { receiver.releaseHooks() }
        try await ProcessScope.run { scope in
            // Long enough that the kill below comes before the attempt times out, however
            // loaded the machine: a timed-out attempt is recorded, and the test is about one
            // that is cut.
            let options = ["--callback-timeout-seconds", "300"]
            let first = try await scope.start(extra: options)
            let key = try ProcessTests.firstKey(scope)
            var client = LiveClient(http: scope.http, baseURL: first.baseURL, key: key)
            let body = ProcessTests.createBody(
                ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024],
                callback: receiver.baseURL + "/hook")
            let id = try #require(JSON(data: try await client.send(.POST, "/api/v1/job/create", body: body).body)["job_id"].string)
            try await eventually("the first attempt to reach the receiver") { receiver.hooks.count == 1 }
            first.kill()
            // The held request now answers into a connection nobody reads.
            receiver.releaseHooks()
            let expired = try await StoredRows(dataDirectory: scope.dataDirectory).update(
                "UPDATE callbacks SET lease_expires_at = ? WHERE job_id = ?", [StoredRows.millis(Date()) - 1000, id])
            #expect(expired == 1)

            let second = try await scope.start(extra: options)
            client = LiveClient(http: scope.http, baseURL: second.baseURL, key: key)
            try await eventually("the delivery after the restart", timeout: .seconds(90)) {
                JSON(data: try await client.send(.GET, "/api/v1/job/query?id=\(id)").body)["data"]["callback"]["status"].string == "delivered"
            }
            let callback = JSON(data: try await client.send(.GET, "/api/v1/job/query?id=\(id)").body)["data"]["callback"]
            #expect(callback["attempts"].int == 1, "the attempt cut by the crash was never recorded")
            let hooks = receiver.hooks
            #expect(hooks.count == 2)
            #expect(hooks.map(\.webhookID) == ["msg_\(id)", "msg_\(id)"])
            #expect(hooks.first?.body == hooks.last?.body)
            let secret = try Self.signingSecret(scope)
            for hook in hooks {
                let timestamp = try #require(hook.headers[HTTPField.Name("webhook-timestamp")!])
                #expect(hook.headers[HTTPField.Name("webhook-signature")!]
                    == CallbackTests.sign(secret: secret, id: "msg_\(id)", timestamp: timestamp, body: hook.body))
            }
            second.terminate()
            second.process.waitUntilExit()
        }
    }

    /// The first key's signing secret, from the file `easel serve` writes on a first start.
    static func signingSecret(_ scope: ProcessScope) throws -> String {
        let text = try String(contentsOf: scope.dataDirectory.appendingPathComponent("initial-api-key.txt"), encoding: .utf8)
        let words = text.split(whereSeparator: \.isWhitespace)
        return try #require(words.first { $0.hasPrefix("whsec_") }.map(String.init))
    }
}
