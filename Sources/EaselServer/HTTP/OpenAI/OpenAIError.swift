import EaselAPI
import Hummingbird

/// OpenAI's error envelope, `{"error": {"message", "type", "param", "code"}}`, which its
/// client libraries turn into typed exceptions. Easel's message (naming the field and the
/// rule) is kept; `param` names the OpenAI field it is about.
struct OpenAIError: Error, Encodable, Sendable {
    struct Body: Encodable, Sendable {
        var message: String
        var type: String
        var param: String?
        var code: String?
    }

    var status: Int
    var error: Body
    /// `WWW-Authenticate` of a refused key, as the job API sends it.
    var challenge: String?

    init(status: Int, message: String, type: String, param: String? = nil, code: String? = nil) {
        self.status = status
        error = Body(message: message, type: type, param: param, code: code)
    }

    enum CodingKeys: String, CodingKey { case error }

    /// An API error of the job API, in OpenAI's words. Its message names `args.width` and
    /// the like; the form's own field names replace them.
    init(_ apiError: APIError) {
        var message = apiError.message
        for (ours, theirs) in Self.fieldNames { message = message.replacingOccurrences(of: ours, with: theirs) }
        let param = Self.formFields.first { message.hasPrefix($0 + ":") || message.hasPrefix($0 + "[") }
        let type = switch apiError.httpStatus {
        case 401: "authentication_error"
        case 404: "not_found_error"
        case 500...: "server_error"
        default: "invalid_request_error"
        }
        let code: String? = switch apiError.httpStatus {
        case 401: "invalid_api_key"
        case 503: "server_busy"
        default: nil
        }
        self.init(status: apiError.httpStatus, message: message, type: type, param: param, code: code)
        challenge = apiError.authenticateChallenge
    }

    static let formFields = ["image", "prompt", "n", "size", "response_format", "model", "negative_prompt", "seed"]

    /// Fields of the job API and what the images form calls them.
    static let fieldNames = [
        ("args.image_urls", "image"), ("args.num_images", "n"), ("args.width", "size"), ("args.height", "size"),
        ("args.negative_prompt", "negative_prompt"), ("args.prompt", "prompt"), ("args.seed", "seed"),
    ]

    var response: Response {
        guard var response = try? JSONResponse.make(HTTPResponse.Status(code: status), self) else {
            return Response(status: .internalServerError)
        }
        if let challenge { response.headers[.wwwAuthenticate] = challenge }
        return response
    }
}
