/// The answer of OpenAI's images API: `{"created": …, "data": [{"b64_json": …} | {"url": …}]}`.
struct OpenAIImagesResponse: Encodable, Sendable {
    struct Image: Encodable, Sendable {
        var url: String?
        var b64JSON: String?
        /// The prompt the engine used, when it differs from the one sent.
        var revisedPrompt: String?

        enum CodingKeys: String, CodingKey {
            case url
            case b64JSON = "b64_json"
            case revisedPrompt = "revised_prompt"
        }
    }

    /// Unix seconds.
    var created: Int
    var data: [Image]
}
