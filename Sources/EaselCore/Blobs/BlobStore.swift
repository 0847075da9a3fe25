import Foundation

/// Where result images live. Names are unguessable tokens, so holding a URL is the
/// permission to read it, as with the hosted API's result URLs.
public protocol BlobStore: Sendable {
    func write(_ data: Data, name: String) async throws
    /// The blob's bytes, or nil when there is none of that name.
    func read(name: String) async throws -> Data?
    /// The blob opened for reading in pieces (downloads, ranges), or nil when there is none.
    func open(name: String) async throws -> (any BlobReader)?
    func delete(name: String) async throws
    /// Names of blobs last written before `date` (for sweeping files no index row owns).
    func names(modifiedBefore date: Date) async throws -> [String]
    /// Removes half-written temporary files a crash left behind; returns how many.
    func removeTemporaryFiles(modifiedBefore date: Date) async throws -> Int
}
