import Crypto
import EaselServer
import Foundation
import HTTPTypes
import Testing

/// Callbacks: signed per Standard Webhooks, retried with backoff, one `webhook-id` per event,
/// visible on the job — against a real receiver on loopback.
@Suite struct CallbackTests {
    static func fastRetries(_ settings: inout ServerSettings) {
        settings.callbackSchedule = .init(delays: [.milliseconds(200), .milliseconds(200), .milliseconds(200)])
    }

    @Test func signedDeliveryRetriedUntilTheReceiverAccepts() async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        receiver.scriptHook([500, 503])
        try await EaselHarness.run(configure: Self.fastRetries) { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL()], "width": 1024, "height": 1024]
            let id = try #require(try await api.create(args, callback: receiver.baseURL + "/hook").json["job_id"].string)
            try await eventually("three deliveries") { receiver.hooks.count >= 3 }
            let hooks = receiver.hooks
            #expect(hooks.count == 3)
            // One event: the same id and the same bytes on every attempt.
            let ids = Set(hooks.compactMap { $0.headers[HTTPField.Name("webhook-id")!] })
            #expect(ids == ["msg_\(id)"])
            #expect(Set(hooks.map(\.body)).count == 1)
            #expect(hooks.allSatisfy { $0.headers[.contentType] == "application/json" })

            // The body is what the query endpoint answers, as of the first attempt.
            let body = JSON(data: hooks[0].body)
            #expect(body["code"].int == 0)
            #expect(body["data"]["job_id"].string == id)
            #expect(body["data"]["status"].int == 2)
            #expect(body["data"]["result"]["images"].array?.count == 1)

            // Each attempt is signed: v1,base64(HMAC-SHA256(secret, id.timestamp.body)).
            let secret = try await api.webhookSecret()
            for hook in hooks {
                let timestamp = try #require(hook.headers[HTTPField.Name("webhook-timestamp")!])
                let signature = try #require(hook.headers[HTTPField.Name("webhook-signature")!])
                #expect(signature == Self.sign(secret: secret, id: "msg_\(id)", timestamp: timestamp, body: hook.body))
                #expect(abs((Int(timestamp) ?? 0) - Int(Date().timeIntervalSince1970)) < 60)
            }

            try await eventually("the job to show the delivery") {
                try await api.query(id).json["data"]["callback"]["status"].string == "delivered"
            }
            let callback = try await api.query(id).json["data"]["callback"]
            #expect(callback["attempts"].int == 3)
            #expect(callback["delivered_at"].string != nil)
        }
    }

    @Test func theDocumentedPythonVerifierAcceptsRealDeliveries() async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        try await EaselHarness.run { api in
            let args: [String: Any] = ["prompt": "darker", "image_urls": [try ImageFixture.dataURL()], "width": 1024, "height": 1024]
            _ = try await api.create(args, callback: receiver.baseURL + "/hook")
            try await eventually("a delivery") { !receiver.hooks.isEmpty }
            let hook = receiver.hooks[0]
            let secret = try await api.webhookSecret()
            let header = { (name: String) in hook.headers[HTTPField.Name(name)!] ?? "" }
            let bodyFile = api.dataDirectory.appendingPathComponent("hook-body.json")
            try hook.body.write(to: bodyFile)
            let valid = try Self.python(["docs/examples/verify_webhook.py", secret, header("webhook-id"),
                                         header("webhook-timestamp"), header("webhook-signature"), bodyFile.path])
            #expect(valid == 0)
            try Data(hook.body + Data(" ".utf8)).write(to: bodyFile)
            let tampered = try Self.python(["docs/examples/verify_webhook.py", secret, header("webhook-id"),
                                            header("webhook-timestamp"), header("webhook-signature"), bodyFile.path])
            #expect(tampered == 1)
        }
    }

    @Test func redirectsAreNotFollowedAndDeliveryGivesUp() async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        receiver.scriptHook([302, 500, 500, 500])
        try await EaselHarness.run(configure: Self.fastRetries) { api in
            let args: [String: Any] = ["prompt": "cooler", "image_urls": [try ImageFixture.dataURL()], "width": 1024, "height": 1024]
            let id = try #require(try await api.create(args, callback: receiver.baseURL + "/hook").json["job_id"].string)
            try await eventually("the callback to give up") {
                try await api.query(id).json["data"]["callback"]["status"].string == "gave_up"
            }
            let callback = try await api.query(id).json["data"]["callback"]
            #expect(callback["attempts"].int == 4)
            #expect(callback["last_error"].string == "HTTP 500")
            // Exactly the four scripted attempts reached the receiver: the 302 was not followed.
            #expect(receiver.hooks.count == 4)
        }
    }

    @Test func refusedAddressesAreNeverCalled() async throws {
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        try await EaselHarness.run(configure: { Self.fastRetries(&$0); $0.fetchAllow = [] }) { api in
            let args: [String: Any] = ["prompt": "cooler", "image_urls": [try ImageFixture.dataURL()], "width": 1024, "height": 1024]
            let id = try #require(try await api.create(args, callback: receiver.baseURL + "/hook").json["job_id"].string)
            try await eventually("the callback to give up") {
                try await api.query(id).json["data"]["callback"]["status"].string == "gave_up"
            }
            let callback = try await api.query(id).json["data"]["callback"]
            let error = callback["last_error"].string ?? ""
            #expect(error.contains("loopback"), "\(error)")
            #expect(callback["attempts"].int == 1, "a refused address is not retried")
            #expect(receiver.hooks.isEmpty)
        }
    }

    static func sign(secret: String, id: String, timestamp: String, body: Data) -> String {
        let key = SymmetricKey(data: Data(base64Encoded: String(secret.dropFirst("whsec_".count))) ?? Data())
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(id).\(timestamp).".utf8) + body, using: key)
        return "v1," + Data(mac).base64EncodedString()
    }

    /// Runs python3 from the repository root; returns its exit status.
    static func python(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
