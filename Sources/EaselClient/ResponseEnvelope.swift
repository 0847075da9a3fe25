/// Every answer's envelope: `{"code": 0, "data": …}`, or a non-zero `code` with `message`.
struct ResponseEnvelope<Payload: Decodable>: Decodable {
    var code: Int
    var message: String?
    var data: Payload?
}

/// The envelope without its payload, to read an error answer whatever the endpoint.
struct ErrorEnvelope: Decodable {
    var code: Int
    var message: String?
}
