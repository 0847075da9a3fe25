import EaselAPI
import Foundation
import Hummingbird

/// JSON answers with explicit status codes, in the API's envelope.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let body = try encoder.encode(value)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func ok(_ payload: some Encodable & Sendable) throws -> Response {
        try make(.ok, Envelope(data: payload))
    }

    static func error(_ error: APIError) -> Response {
        // Encoding a struct of an Int and a String cannot fail; fall back to plain text anyway.
        if var response = try? make(HTTPResponse.Status(code: error.httpStatus), Envelope(error: error)) {
            if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
            return response
        }
        return Response(status: .internalServerError)
    }
}
