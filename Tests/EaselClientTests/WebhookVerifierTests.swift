import EaselClient
import EaselCore
import Foundation
import Testing

/// The SDK's verifier accepts what Easel signs and nothing else.
@Suite struct WebhookVerifierTests {
    /// A real callback from a live server, as its receiver got it off the socket.
    @Test func aRealDeliveryVerifiesAndAnyChangeIsRefused() async throws {
        try await HookReceiver.run { receiver in
            try await LiveEasel.run { easel in
                let created = try await easel.client.create(
                    EditArguments(prompt: "warmer", imageURLs: [try TestImage.dataURL()], width: 1024, height: 768),
                    callbackURL: receiver.url)
                try await eventually("the callback") { !receiver.received.isEmpty }
                let delivery = try #require(receiver.received.first)
                let timestamp = try #require(delivery.headers["webhook-timestamp"].flatMap { Double($0) })
                let sent = Date(timeIntervalSince1970: timestamp)
                #expect(delivery.headers["webhook-id"] == "msg_\(created.id)")

                let verifier = try WebhookVerifier(secret: easel.webhookSecret)
                try verifier.verify(body: delivery.body, headers: delivery.headers, now: sent)

                var tampered = delivery.body
                tampered[tampered.count / 2] ^= 0x01
                #expect(Self.reason { try verifier.verify(body: tampered, headers: delivery.headers, now: sent) } == .noMatchingSignature)

                let stranger = try WebhookVerifier(secret: WebhookSigner.makeSecret())
                #expect(Self.reason { try stranger.verify(body: delivery.body, headers: delivery.headers, now: sent) } == .noMatchingSignature)

                // Five minutes either way is accepted; a second more is a replay (or a clock off).
                try verifier.verify(body: delivery.body, headers: delivery.headers, now: sent.addingTimeInterval(300))
                #expect(Self.reason { try verifier.verify(body: delivery.body, headers: delivery.headers, now: sent.addingTimeInterval(301)) }
                    == .timestampOutOfTolerance)
                #expect(Self.reason { try verifier.verify(body: delivery.body, headers: delivery.headers, now: sent.addingTimeInterval(-301)) }
                    == .timestampOutOfTolerance)
            }
        }
    }

    /// Signed by the server's own signer, the receiver side of a secret rotation: any one
    /// matching `v1,` entry is enough, and only `v1,` entries count.
    @Test func anyMatchingV1SignatureAmongSeveralIsAccepted() throws {
        let secret = WebhookSigner.makeSecret()
        let signer = try #require(WebhookSigner(secret: secret))
        let body = Data(#"{"code":0,"data":{"job_id":"j1","status":2}}"#.utf8)
        let now = Date()
        let timestamp = Int(now.timeIntervalSince1970)
        let valid = signer.signature(webhookID: "msg_j1", timestamp: timestamp, body: body)
        let other = try #require(WebhookSigner(secret: WebhookSigner.makeSecret()))
            .signature(webhookID: "msg_j1", timestamp: timestamp, body: body)
        let verifier = try WebhookVerifier(secret: secret)
        func check(_ signature: String?, id: String? = "msg_j1", timestamp: String? = String(timestamp)) -> WebhookVerificationError.Reason? {
            Self.reason { try verifier.verify(body: body, id: id, timestamp: timestamp, signature: signature, now: now) }
        }

        #expect(check(valid) == nil)
        #expect(check("\(other) \(valid)") == nil)
        #expect(check("\(valid) \(other)") == nil)
        #expect(check(other) == .noMatchingSignature)
        // The same MAC under another version tag is not a v1 signature.
        #expect(check("v1a," + valid.dropFirst(3)) == .noMatchingSignature)
        #expect(check("v1,not base64! \(other)") == .noMatchingSignature)
        #expect(check(valid, id: "msg_j2") == .noMatchingSignature)
        #expect(check(valid, timestamp: String(timestamp + 1)) == .noMatchingSignature)
        #expect(check(nil) == .missingHeader)
        #expect(check(valid, timestamp: "yesterday") == .malformedTimestamp)
        #expect(throws: WebhookVerificationError.self) { try WebhookVerifier(secret: "whsec_") }
    }

    /// Why `body` refused, or nil when it accepted.
    private static func reason(_ body: () throws -> Void) -> WebhookVerificationError.Reason? {
        do {
            try body()
            return nil
        } catch let error as WebhookVerificationError {
            return error.reason
        } catch {
            Issue.record("not a WebhookVerificationError: \(error)")
            return nil
        }
    }
}
