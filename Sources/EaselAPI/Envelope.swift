/// The body of every answer: `{"code": 0, "data": …}` on success, or a non-zero `code` with a
/// `message` on error.
public struct Envelope<Payload: Encodable & Sendable>: Encodable, Sendable {
    public var code: Int
    public var message: String?
    public var data: Payload?

    public init(data: Payload) {
        self.code = 0
        self.message = nil
        self.data = data
    }

    public init(error: APIError) where Payload == EmptyPayload {
        self.code = error.code
        self.message = error.message
        self.data = nil
    }
}

/// Stands in for `data` in error envelopes, where there is none.
public struct EmptyPayload: Codable, Sendable {}
