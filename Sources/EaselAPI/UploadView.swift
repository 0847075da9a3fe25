/// `data` of `POST /api/v1/files`: where the upload lives, for use in `image_urls`.
public struct UploadView: Codable, Sendable, Equatable {
    public var url: String
    public var contentType: String
    public var width: Int
    public var height: Int
    public var bytes: Int
    public var expiresAt: String

    public init(url: String, contentType: String, width: Int, height: Int, bytes: Int, expiresAt: String) {
        self.url = url
        self.contentType = contentType
        self.width = width
        self.height = height
        self.bytes = bytes
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case url, width, height, bytes
        case contentType = "content_type"
        case expiresAt = "expires_at"
    }
}
