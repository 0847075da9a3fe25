import EaselServer
import Foundation
import Testing

/// What a receiver asks of the sender, as Standard Webhooks recommends: 410 Gone ends the
/// delivery, and `Retry-After` sets the next attempt, bounded by the schedule's longest delay.
@Suite struct CallbackReceiverWishesTests {
    static func args() throws -> [String: Any] {
        ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL()], "width": 1024, "height": 1024]
    }

    @Test func goneEndsTheDelivery() async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        receiver.scriptHook([410, 500, 500])
        try await EaselHarness.run(configure: CallbackTests.fastRetries) { api in
            let id = try #require(try await api.create(try Self.args(), callback: receiver.baseURL + "/hook").json["job_id"].string)
            try await eventually("the callback to give up") {
                try await api.query(id).json["data"]["callback"]["status"].string == "gave_up"
            }
            let callback = try await api.query(id).json["data"]["callback"]
            #expect(callback["attempts"].int == 1)
            #expect(callback["last_error"].string?.contains("410") == true)
            #expect(receiver.hooks.count == 1)
        }
    }

    /// The schedule's first retry is 0.2 s; the receiver asks for 6 s, then for a day, which
    /// the schedule's longest delay (120 s) caps. What the server decided is the stored
    /// `next_attempt_at`; whether the retry then waited for it is read from when each later
    /// delivery arrived, never from how many have arrived by some moment (a loaded machine
    /// may take longer than 6 s to get here).
    @Test(arguments: [("6", 6.0), ("86400", 120.0)])
    func retryAfterSetsTheNextAttempt(header: String, expected: Double) async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        receiver.scriptHook([503], retryAfter: header)
        try await EaselHarness.run(configure: {
            $0.callbackSchedule = .init(delays: [.milliseconds(200), .milliseconds(200), .seconds(120)])
        }) { api in
            let id = try #require(try await api.create(try Self.args(), callback: receiver.baseURL + "/hook").json["job_id"].string)
            try await eventually("the first attempt to be recorded") {
                try await api.query(id).json["data"]["callback"]["attempts"].int ?? 0 >= 1
            }
            let recorded = Date()
            let answered = try #require(receiver.hooks.first?.receivedAt)
            let callback = try await api.query(id).json["data"]["callback"]
            let next: Date
            if callback["attempts"].int == 1 {
                #expect(callback["status"].string == "pending")
                next = try #require(callback["next_attempt_at"].string.flatMap { try? Date($0, strategy: .iso8601) })
                // The server took its clock after the receiver answered and before the attempt
                // was seen recorded; the wish is added to it (the scheduled 0.2 s would be far below).
                #expect(next <= recorded.addingTimeInterval(expected + Self.slack), "next attempt \(next), recorded by \(recorded)")
            } else {
                // The retry came before this query could look: it is the retry's own time
                // that says when it was due.
                next = try #require(receiver.hooks.dropFirst().first?.receivedAt)
            }
            #expect(next >= answered.addingTimeInterval(expected - Self.slack), "next attempt \(next), answered \(answered)")
            if expected < 60 {
                try await eventually("the retry the receiver asked for", timeout: .seconds(120)) { receiver.hooks.count >= 2 }
            }
            for later in receiver.hooks.dropFirst() {
                #expect(later.receivedAt >= answered.addingTimeInterval(expected - Self.slack), "a retry at \(later.receivedAt)")
            }
        }
    }

    /// Milliseconds in the stored timestamp.
    static let slack = 0.01
}
