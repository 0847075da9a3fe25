import EaselAPI
import Foundation

/// The multipart form of `POST /v1/images/edits`, as OpenAI defines it, read into the job
/// API's create body so that the same validation rules apply: `image` or `image[]` (1–4
/// files), `prompt`, `n`, `size` (`WxH`), `response_format` (`url` or `b64_json`), `model`,
/// and Easel's `negative_prompt` and `seed`. Other OpenAI fields (quality, background, …)
/// have no meaning here and are ignored; a `mask` or `stream` is refused, since ignoring it
/// would answer something other than what was asked.
struct OpenAIEditForm {
    enum ResponseFormat: String { case url, b64JSON = "b64_json" }

    var images: [Data] = []
    var fields: [String: String] = [:]

    init(body: Data, contentType: String?) throws(OpenAIError) {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = MultipartFile.boundary(in: contentType) else {
            throw Self.invalid("Content-Type: must be multipart/form-data with a boundary, as OpenAI's images API takes", param: nil)
        }
        for part in MultipartFile.parts(in: body, boundary: boundary) {
            guard let name = part.name else { continue }
            if name == "image" || name == "image[]" {
                images.append(part.content)
            } else {
                fields[name] = part.text
            }
        }
    }

    var responseFormat: ResponseFormat {
        get throws(OpenAIError) {
            guard let value = fields["response_format"] else { return .url }
            guard let format = ResponseFormat(rawValue: value) else {
                throw Self.invalid("response_format: must be url or b64_json (got \"\(value.prefix(40))\")", param: "response_format")
            }
            return format
        }
    }

    /// The job API's create body for this form. `imageURLs` are the kept images' URLs.
    func createBody(imageURLs: [String], defaultModel: String) throws(OpenAIError) -> Data {
        if fields["mask"] != nil {
            throw Self.invalid("mask: masked edits are not supported; describe the edit in the prompt", param: "mask")
        }
        if let stream = fields["stream"], stream.lowercased() == "true" {
            throw Self.invalid("stream: streamed partial images are not supported", param: "stream")
        }
        guard let prompt = fields["prompt"] else { throw Self.invalid("prompt: is required", param: "prompt") }
        var args: [String: Any] = ["prompt": prompt, "image_urls": imageURLs]
        let (width, height) = try size()
        args["width"] = width
        args["height"] = height
        if let n = fields["n"] {
            guard let count = Int(n) else { throw Self.invalid("n: must be an integer from 1 to 4 (got \"\(n.prefix(20))\")", param: "n") }
            args["num_images"] = count
        }
        if let seed = fields["seed"] {
            guard let value = Int(seed) else { throw Self.invalid("seed: must be an integer (got \"\(seed.prefix(20))\")", param: "seed") }
            args["seed"] = value
        }
        args["negative_prompt"] = fields["negative_prompt"]
        let root: [String: Any] = ["model": fields["model"] ?? defaultModel, "args": args]
        // Only strings, integers and arrays of strings: serialisation cannot fail.
        return (try? JSONSerialization.data(withJSONObject: root)) ?? Data()
    }

    /// `WxH`; absent or `auto` is 1024×1024, the size every model here takes.
    private func size() throws(OpenAIError) -> (Int, Int) {
        guard let size = fields["size"], size != "auto" else { return (1024, 1024) }
        let sides = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard sides.count == 2 else {
            throw Self.invalid("size: must be WIDTHxHEIGHT such as 1024x1024, or auto (got \"\(size.prefix(20))\")", param: "size")
        }
        return (sides[0], sides[1])
    }

    private static func invalid(_ message: String, param: String?) -> OpenAIError {
        OpenAIError(status: 400, message: message, type: "invalid_request_error", param: param)
    }
}
