import Foundation

/// One blob opened for reading in pieces, so that a download is sent a chunk at a time
/// rather than held whole. Its size and last write are taken when it is opened: a
/// response's headers and its bytes describe the same file.
public protocol BlobReader: Sendable {
    var byteCount: Int { get }
    var modifiedAt: Date { get }
    /// Up to `count` bytes from `offset`; fewer only at the end of the blob.
    func read(offset: Int, count: Int) async throws -> Data
}
