import Foundation

/// An uploaded input image.
public struct UploadRecord: Sendable, Equatable {
    public var name: String
    public var keyID: String
    public var contentType: String
    public var width: Int
    public var height: Int
    public var byteCount: Int
    public var expiresAt: Date

    public init(name: String, keyID: String, contentType: String, width: Int, height: Int, byteCount: Int, expiresAt: Date) {
        self.name = name
        self.keyID = keyID
        self.contentType = contentType
        self.width = width
        self.height = height
        self.byteCount = byteCount
        self.expiresAt = expiresAt
    }
}
