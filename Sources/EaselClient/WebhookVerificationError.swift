/// Why a delivery was not accepted by `WebhookVerifier`. Answer such a delivery with a 4xx
/// and do nothing with its body.
public struct WebhookVerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Reason: Hashable, Sendable {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The secret is not `whsec_` + base64 (or plain base64).
        public static let invalidSecret = Reason("invalidSecret")
        /// `webhook-id`, `webhook-timestamp` or `webhook-signature` is absent.
        public static let missingHeader = Reason("missingHeader")
        /// `webhook-timestamp` is not whole Unix seconds.
        public static let malformedTimestamp = Reason("malformedTimestamp")
        /// The timestamp is further from this clock than the tolerance: a replay, or a clock off.
        public static let timestampOutOfTolerance = Reason("timestampOutOfTolerance")
        /// No `v1,` signature matches the body with this secret.
        public static let noMatchingSignature = Reason("noMatchingSignature")
    }

    public let reason: Reason
    public let message: String

    init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
