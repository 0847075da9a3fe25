import EaselCore
import Foundation
import Logging
import ServiceLifecycle

/// Deletes uploads and results past their retention, so their URLs answer 410 instead of
/// serving stale data and the disk does not fill up.
struct BlobJanitor: Service, CustomStringConvertible {
    let blobs: any BlobStore
    let index: any BlobIndex
    let interval: Duration
    /// Files without an index row are deleted once this old: a result is written moments
    /// before its job completes, so an older one will never be claimed.
    let orphanAge: Duration
    let logger: Logger

    var description: String { "BlobJanitor" }

    func run() async throws {
        // Nothing here needs finishing on shutdown: a sweep cut short continues next start.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await sweep()
                } catch {
                    logger.error("deleting expired files failed", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: interval)
            }
        }
    }

    /// One pass: expired blobs, then orphans. Returns how many files it deleted.
    @discardableResult
    func sweep() async throws -> Int {
        var deleted = 0
        while true {
            let names = try await index.expired(limit: 200)
            if names.isEmpty { break }
            for name in names { try await blobs.delete(name: name) }
            try await index.markDeleted(names)
            deleted += names.count
        }
        let cutoff = Date().addingTimeInterval(-orphanAge.timeInterval)
        for name in try await index.unindexed(try await blobs.names(modifiedBefore: cutoff)) {
            try await blobs.delete(name: name)
            deleted += 1
        }
        return deleted + (try await blobs.removeTemporaryFiles(modifiedBefore: cutoff))
    }
}
