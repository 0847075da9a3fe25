/// A result image kept in the blob store, reachable at `<public URL>/v1/files/<name>`.
public struct StoredImage: Sendable, Equatable, Codable {
    /// Blob name: an unguessable random token plus the file extension.
    public var name: String
    public var width: Int
    public var height: Int
    public var contentType: String
    public var byteCount: Int

    public init(name: String, width: Int, height: Int, contentType: String, byteCount: Int) {
        self.name = name
        self.width = width
        self.height = height
        self.contentType = contentType
        self.byteCount = byteCount
    }
}
