import Foundation

/// An input image stored by `POST /api/v1/files`: its `url` works in `image_urls`.
public struct UploadedFile: Decodable, Sendable, Equatable {
    public var url: String
    public var contentType: String
    public var width: Int
    public var height: Int
    public var bytes: Int
    /// After this the URL answers 410 Gone.
    public var expiresAt: String

    enum CodingKeys: String, CodingKey {
        case url, width, height, bytes
        case contentType = "content_type"
        case expiresAt = "expires_at"
    }
}
