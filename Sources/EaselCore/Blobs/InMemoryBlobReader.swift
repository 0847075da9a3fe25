import Foundation

/// A blob already read whole (from a database row), served in pieces like a file.
public struct InMemoryBlobReader: BlobReader {
    public let data: Data
    public let modifiedAt: Date

    public init(data: Data, modifiedAt: Date) {
        self.data = data
        self.modifiedAt = modifiedAt
    }

    public var byteCount: Int { data.count }

    public func read(offset: Int, count: Int) async throws -> Data {
        let start = data.startIndex + min(max(offset, 0), data.count)
        let end = min(start + max(count, 0), data.endIndex)
        return Data(data[start..<end])
    }
}
