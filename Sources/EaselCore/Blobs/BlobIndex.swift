import Foundation

/// What the service knows about each blob: whose, what, and until when it is kept. Results
/// are indexed by `JobStore.complete`; uploads by `recordUpload`.
public protocol BlobIndex: Sendable {
    func recordUpload(_ upload: UploadRecord) async throws
    func state(of name: String) async throws -> BlobState
    /// Blobs past their retention that still have bytes, oldest first.
    func expired(limit: Int) async throws -> [String]
    func markDeleted(_ names: [String]) async throws
    /// Those of `names` that no row knows: files whose owner never got recorded (a crash
    /// between writing a result and completing its job, or a lost lease).
    func unindexed(_ names: [String]) async throws -> [String]
}
