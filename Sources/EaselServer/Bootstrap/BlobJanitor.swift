import EaselCore
import Logging
import ServiceLifecycle

/// Deletes uploads and results past their retention, so their URLs answer 410 instead of
/// serving stale data and the disk does not fill up.
struct BlobJanitor: Service, CustomStringConvertible {
    let blobs: any BlobStore
    let index: any BlobIndex
    let interval: Duration
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

    /// One pass; returns how many blobs it deleted.
    @discardableResult
    func sweep() async throws -> Int {
        var deleted = 0
        while true {
            let names = try await index.expired(limit: 200)
            if names.isEmpty { return deleted }
            for name in names { try await blobs.delete(name: name) }
            try await index.markDeleted(names)
            deleted += names.count
        }
    }
}
