/// One image of a succeeded job. Easel always gives the size and type; the hosted API may
/// give only the URL.
public struct ResultImage: Decodable, Sendable, Equatable {
    public var url: String
    public var width: Int?
    public var height: Int?
    public var contentType: String?

    enum CodingKeys: String, CodingKey {
        case url, width, height
        case contentType = "content_type"
    }
}
