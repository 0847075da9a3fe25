import EaselCore
import Foundation
import Synchronization

/// A revocation counter that every process on the data directory shares: eight bytes of a
/// file beside the database, mapped into each process's memory. `easel keys revoke` bumps it
/// after its transaction commits, and a running server reads it on every request without a
/// system call, so its key cache drops a revoked key before the next answer.
///
/// `@unchecked Sendable`: the mapping is never unmapped before deinit, its address never
/// changes, and the counter in it is only touched through atomic operations (which hold across
/// processes sharing the page as within one).
public final class SharedRevocationCounter: RevocationCounter, @unchecked Sendable {
    private let counter: UnsafeMutablePointer<Atomic<UInt64>>
    private let size = MemoryLayout<UInt64>.size

    /// Opens (creating, owner-only) the counter file at `path`.
    public init(path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.failure("open", path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.failure("stat", path) }
        // Growing a new file reads as zero; a file that already has its eight bytes is left alone.
        if info.st_size < size, ftruncate(descriptor, off_t(size)) != 0 { throw Self.failure("grow", path) }
        guard let base = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0), base != MAP_FAILED else {
            throw Self.failure("map", path)
        }
        counter = base.bindMemory(to: Atomic<UInt64>.self, capacity: 1)
    }

    deinit { munmap(counter, size) }

    public func current() -> UInt64 { counter.pointee.load(ordering: .acquiring) }

    /// Called after a revocation has committed.
    public func bump() { counter.pointee.add(1, ordering: .releasing) }

    private static func failure(_ step: String, _ path: String) -> any Error {
        CocoaError(.fileWriteUnknown, userInfo: [
            NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "revocation counter: \(step) failed (errno \(errno))",
        ])
    }
}
