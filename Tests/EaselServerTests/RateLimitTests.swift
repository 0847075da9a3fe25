import EaselServer
import Foundation
import Testing

/// Per-key rate limits (a token bucket per key) through a live server on loopback, with many
/// connections at once.
@Suite struct RateLimitTests {
    /// A bucket of five that refills one request every hundred seconds: within a test,
    /// exactly five requests of a key pass, however fast or slow the machine is.
    static func fiveThenWait(_ settings: inout ServerSettings) {
        settings.rateLimitBurst = 5
        settings.rateLimitPerSecond = 0.01
    }

    @Test func aKeyBeyondItsBurstGets429WithItsOwnCodeAndOtherKeysDoNot() async throws {
        try await EaselHarness.run(configure: Self.fiveThenWait) { api in
            try await LoadClient.with(port: api.client.port) { load in
                let answers = try await load.sendAll(40, .GET, "/api/v1/job/list", key: api.key)
                let passed = answers.filter { $0.status == 200 }
                let refused = answers.filter { $0.status == 429 }
                #expect(passed.count == 5 && refused.count == 35, "\(answers.map(\.status))")
                #expect(Set(passed.compactMap { $0.intHeader("X-RateLimit-Remaining") }) == [0, 1, 2, 3, 4])
                for answer in answers {
                    #expect(answer.header("X-RateLimit-Limit") == "5")
                    // Seconds until the bucket is full again: one request's worth per hundred seconds.
                    #expect((1...500).contains(answer.intHeader("X-RateLimit-Reset") ?? -1))
                }
                for answer in passed { #expect(answer.header("Retry-After") == nil) }
                for answer in refused {
                    let retry = try #require(answer.intHeader("Retry-After"))
                    // A token comes back 100 s after the first request; the flood itself may take seconds on a
                    // loaded machine, which the wait left shrinks by.
                    #expect((80...100).contains(retry), "a token comes back within 100 s")
                    #expect(answer.header("X-RateLimit-Remaining") == "0")
                    #expect(answer.json["code"].int == 3001)
                    #expect(answer.json["message"].string
                        == "rate: more than 5 requests at once or 0.01 a second for this API key; retry in \(retry) s")
                    #expect(answer.header("Content-Type") == "application/json; charset=utf-8")
                }

                // The other key has a bucket of its own, untouched by the first key's flood.
                let other = try await load.sendAll(5, .GET, "/api/v1/job/list", key: api.otherKey)
                #expect(other.map(\.status) == Array(repeating: 200, count: 5))
                #expect(try await load.send(.GET, "/api/v1/job/list", key: api.otherKey).status == 429)

                // Requests without a valid key are refused before they count against anyone.
                let stranger = try await load.send(.GET, "/api/v1/job/list", key: "esk_not-a-real-key")
                #expect(stranger.status == 401 && stranger.header("X-RateLimit-Limit") == nil)
            }
        }
    }

    @Test func everyAnswerToAKeyCarriesItsStandingAndTheBucketRefills() async throws {
        try await EaselHarness.run(configure: { $0.rateLimitBurst = 2; $0.rateLimitPerSecond = 0.5 }) { api in
            // A token every 2 s: the flood below meets an empty bucket unless its 20 requests
            // take over half a minute to arrive.
            try await LoadClient.with(port: api.client.port) { load in
                // A handler's own error still tells the client where it stands.
                let missing = try await load.send(.GET, "/api/v1/job/query?id=nope", key: api.key)
                #expect(missing.status == 404 && missing.json["code"].int == 2004)
                #expect(missing.header("X-RateLimit-Limit") == "2" && missing.header("X-RateLimit-Remaining") != nil)

                // Emptied at once, the bucket says to come back when a token is due...
                let flood = try await load.sendAll(20, .GET, "/api/v1/job/list", key: api.key)
                let refused = try #require(flood.first { $0.status == 429 })
                // Whole seconds, rounded up, until the next token: part of one may have refilled.
                #expect(["1", "2"].contains(refused.header("Retry-After")), "\(String(describing: refused.header("Retry-After")))")
                // ...and lets the key in again once it has refilled.
                try await eventually("the bucket to refill") {
                    try await load.send(.GET, "/api/v1/job/list", key: api.key).status == 200
                }
            }
        }
    }

    @Test func zeroTurnsRateLimitingOff() async throws {
        try await EaselHarness.run(configure: { $0.rateLimitBurst = 1; $0.rateLimitPerSecond = 0 }) { api in
            try await LoadClient.with(port: api.client.port) { load in
                let answers = try await load.sendAll(30, .GET, "/api/v1/job/list", key: api.key)
                #expect(answers.allSatisfy { $0.status == 200 && $0.header("X-RateLimit-Limit") == nil })
            }
        }
    }
}
