import Crypto
import Foundation

/// Verifies callbacks signed per the Standard Webhooks specification, as Easel sends them
/// (docs/CALLBACKS.md): `webhook-signature` holds space-separated `v1,<base64>` entries, each
/// HMAC-SHA256 over `"<webhook-id>.<webhook-timestamp>.<body>"` keyed with the base64 part of
/// the key's `whsec_…` secret. Verify the raw body bytes, before any JSON parsing.
public struct WebhookVerifier: Sendable {
    /// How far `webhook-timestamp` may be from this clock, either way (the specification's 5 minutes).
    public static let defaultTolerance: Duration = .seconds(300)

    private let secret: Data
    public let tolerance: Duration

    /// - Parameter secret: `whsec_…` as printed when the key was created (the base64 part
    ///   alone is accepted too).
    public init(secret: String, tolerance: Duration = WebhookVerifier.defaultTolerance) throws(WebhookVerificationError) {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst("whsec_".count)) : secret
        guard let bytes = Data(base64Encoded: encoded), !bytes.isEmpty else {
            throw WebhookVerificationError(.invalidSecret, "the secret must be whsec_ followed by base64")
        }
        self.secret = bytes
        self.tolerance = tolerance
    }

    /// Accepts the delivery or throws why not.
    /// - Parameters: the raw body and the three headers' values (nil when absent).
    public func verify(
        body: Data, id: String?, timestamp: String?, signature: String?, now: Date = Date()
    ) throws(WebhookVerificationError) {
        guard let id, let timestamp, let signature else {
            throw WebhookVerificationError(.missingHeader, "webhook-id, webhook-timestamp and webhook-signature are all required")
        }
        guard let seconds = Int64(timestamp) else {
            throw WebhookVerificationError(.malformedTimestamp, "webhook-timestamp must be Unix seconds (got \"\(timestamp.prefix(40))\")")
        }
        let skew = abs(now.timeIntervalSince1970 - Double(seconds))
        guard skew <= Double(tolerance.components.seconds) else {
            throw WebhookVerificationError(
                .timestampOutOfTolerance,
                "webhook-timestamp is \(Int(skew)) s away from this clock (at most \(tolerance.components.seconds) s allowed)")
        }
        var message = Data("\(id).\(timestamp).".utf8)
        message.append(body)
        let expected = Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        // Every entry is checked, so the time taken does not tell which one matched.
        var matched = false
        for entry in signature.split(separator: " ") where entry.hasPrefix("v1,") {
            if let candidate = Data(base64Encoded: String(entry.dropFirst(3))),
               Self.constantTimeEqual(Array(candidate), expected) {
                matched = true
            }
        }
        guard matched else {
            throw WebhookVerificationError(.noMatchingSignature, "no v1 signature in webhook-signature matches this body and secret")
        }
    }

    /// `verify` with the headers looked up by name, whatever their case.
    public func verify(body: Data, headers: [String: String], now: Date = Date()) throws(WebhookVerificationError) {
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name }?.value
        }
        try verify(
            body: body, id: header("webhook-id"), timestamp: header("webhook-timestamp"),
            signature: header("webhook-signature"), now: now)
    }

    /// Compares every byte whatever differs first, so timing does not reveal how much of a
    /// forged signature was right. (The length is public: every HMAC-SHA256 is 32 bytes.)
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
