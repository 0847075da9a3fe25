import Crypto
import Foundation

/// Signs callbacks per the Standard Webhooks specification: the signature is
/// `v1,` + base64(HMAC-SHA256(secret, "<webhook-id>.<webhook-timestamp>.<body>")), where the
/// secret is the base64 part of the key's `whsec_…` secret.
public struct WebhookSigner: Sendable {
    public static let secretPrefix = "whsec_"
    private let secretBytes: Data

    public init?(secret: String) {
        guard secret.hasPrefix(Self.secretPrefix),
              let bytes = Data(base64Encoded: String(secret.dropFirst(Self.secretPrefix.count))), !bytes.isEmpty
        else { return nil }
        secretBytes = bytes
    }

    /// A new random secret (24 bytes, as the specification recommends at least).
    public static func makeSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<24).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return secretPrefix + Data(bytes).base64EncodedString()
    }

    public func signature(webhookID: String, timestamp: Int, body: Data) -> String {
        var message = Data("\(webhookID).\(timestamp).".utf8)
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secretBytes))
        return "v1," + Data(mac).base64EncodedString()
    }

    /// The three headers of a signed delivery.
    public func headers(webhookID: String, timestamp: Int, body: Data) -> [(name: String, value: String)] {
        [("webhook-id", webhookID), ("webhook-timestamp", String(timestamp)),
         ("webhook-signature", signature(webhookID: webhookID, timestamp: timestamp, body: body))]
    }
}
