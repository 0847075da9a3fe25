import EaselCore
import EaselServer
import Foundation
import HTTPTypes
import Testing

/// How failed attempts are counted and when the next one is due.
@Suite struct CallbackRetryTests {
    /// A receiver that takes the request and never answers: only `--callback-timeout-seconds`
    /// ends the attempt, which then counts as failed and is made again.
    @Test func aReceiverHangingPastTheTimeoutIsRetried() async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        receiver.holdHooks()
        defer { receiver.releaseHooks() }
        try await EaselHarness.run(configure: {
            // Retries to spare: on a loaded machine an attempt after the release may still run
            // past the 1 s limit now and then, and the delivery must come all the same.
            $0.callbackSchedule = RetrySchedule(delays: Array(repeating: .milliseconds(200), count: 300))
            $0.callbackTimeout = .seconds(1)
        }) { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024]
            let id = try #require(try await api.create(args, callback: receiver.baseURL + "/hook").json["job_id"].string)
            try await eventually("an attempt to time out") {
                try await api.query(id).json["data"]["callback"]["attempts"].int ?? 0 >= 1
            }
            // Recorded while the receiver still holds every request it got: the time limit ended it.
            let pending = try await api.query(id).json["data"]["callback"]
            #expect(pending["status"].string == "pending")
            #expect(pending["last_error"].string?.hasSuffix("it took longer than the 1 s limit") == true,
                    "\(pending["last_error"].string ?? "")")
            #expect(pending["next_attempt_at"].string != nil)

            receiver.releaseHooks()
            try await eventually("the delivery once the receiver answers", timeout: .seconds(120)) {
                try await api.query(id).json["data"]["callback"]["status"].string == "delivered"
            }
            let hooks = receiver.hooks
            #expect(hooks.count >= 2)
            // At least the timed-out attempt seen above and the one that was answered.
            #expect(try await api.query(id).json["data"]["callback"]["attempts"].int ?? 0 >= 2)
            #expect(Set(hooks.compactMap(\.webhookID)) == ["msg_\(id)"])
            #expect(Set(hooks.map(\.body)).count == 1)
        }
    }

    /// After the second failure the next attempt is due one `delays[1]` later, give or take the
    /// documented 20%, and deliveries failing together are spread over that range rather than
    /// returning at the same moment. Read from `next_attempt_at`, with a delay long enough that
    /// nothing waits for it.
    @Test func nextAttemptFollowsTheScheduleWithJitter() async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        receiver.scriptHook(Array(repeating: 500, count: 100))
        let delay = 1000.0
        try await EaselHarness.run(configure: {
            $0.callbackSchedule = RetrySchedule(delays: [.milliseconds(200), .seconds(delay)])
            $0.callbackTimeout = .seconds(60)
        }) { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024]
            var ids: [String] = []
            for _ in 0..<8 {
                ids.append(try #require(try await api.create(args, callback: receiver.baseURL + "/hook").json["job_id"].string))
            }
            try await eventually("every callback to fail twice", timeout: .seconds(90)) {
                for id in ids {
                    if try await api.query(id).json["data"]["callback"]["attempts"].int != 2 { return false }
                }
                return true
            }
            var offsets: [Double] = []
            for id in ids {
                let callback = try await api.query(id).json["data"]["callback"]
                #expect(callback["status"].string == "pending")
                #expect(callback["last_error"].string == "HTTP 500")
                let hooks = receiver.hooks.filter { $0.webhookID == "msg_\(id)" }
                #expect(hooks.count == 2)
                // The second attempt began in this whole second and was recorded within its time limit.
                let attempted = try #require(hooks.last?.headers[HTTPField.Name("webhook-timestamp")!].flatMap(Double.init))
                let next = try #require(callback["next_attempt_at"].string.flatMap(RFC3339.date))
                offsets.append(next.timeIntervalSince1970 - attempted)
            }
            for offset in offsets {
                // The attempt may take up to its time limit (60 s, for a loaded machine) before
                // it is recorded; against a delay of 1000 s the jitter's 20% stays plain.
                #expect(offset >= delay * 0.8 && offset <= delay * 1.2 + 60 + 1, "\(offset) s after the attempt")
            }
            // Without jitter every offset would be the delay plus the attempt's own second or two.
            let spread = (offsets.max() ?? 0) - (offsets.min() ?? 0)
            #expect(spread > 20, "offsets \(offsets)")
        }
    }
}
