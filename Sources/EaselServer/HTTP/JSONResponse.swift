import EaselAPI
import Foundation
import Hummingbird

/// JSON answers with explicit status codes, in the API's envelope.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return raw(status, try encoder.encode(value))
    }

    /// `body` is JSON text already.
    static func raw(_ status: HTTPResponse.Status, _ body: some Sequence<UInt8>) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func ok(_ payload: some Encodable & Sendable) throws -> Response {
        try make(.ok, Envelope(data: payload))
    }

    /// As `ok`, for the answers on the hot path (jobs), written without `JSONEncoder`.
    static func data(_ payload: some JSONTextWritable) -> Response {
        var json = JSONText()
        json.object { json in
            json.member("code", 0)
            json.member("data", payload)
        }
        return raw(.ok, json.bytes)
    }

    static func error(_ error: APIError) -> Response {
        // Encoding a struct of an Int and a String cannot fail; fall back to plain text anyway.
        guard var response = try? make(HTTPResponse.Status(code: error.httpStatus), Envelope(error: error)) else {
            return Response(status: .internalServerError)
        }
        if let challenge = error.authenticateChallenge {
            response.headers[.wwwAuthenticate] = challenge
        }
        if let seconds = error.retryAfterSeconds {
            response.headers[.retryAfter] = String(seconds)
        }
        return response
    }
}
