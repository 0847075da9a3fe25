import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blob file held open while it is read, chunk by chunk, on the blocking executor. The
/// descriptor is closed when the last reference goes, so a download cut short by its client
/// leaks nothing; a file deleted meanwhile (the janitor) is still read whole.
public final class FileBlobReader: BlobReader {
    public let byteCount: Int
    public let modifiedAt: Date
    private let descriptor: Int32
    private let executor: BlockingExecutor

    private init(descriptor: Int32, byteCount: Int, modifiedAt: Date, executor: BlockingExecutor) {
        self.descriptor = descriptor
        self.byteCount = byteCount
        self.modifiedAt = modifiedAt
        self.executor = executor
    }

    deinit { close(descriptor) }

    /// Opens `path` (blocking; call it on the executor); nil when there is no such file.
    static func open(path: String, executor: BlockingExecutor) throws -> FileBlobReader? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        let modified = Date(
            timeIntervalSince1970: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1_000_000_000)
        return FileBlobReader(
            descriptor: descriptor, byteCount: Int(status.st_size), modifiedAt: modified, executor: executor)
    }

    public func read(offset: Int, count: Int) async throws -> Data {
        // `self` is captured, not the descriptor alone: the file stays open until the read is done.
        try await executor.run { try self.readBlocking(offset: offset, count: count) }
    }

    private func readBlocking(offset: Int, count: Int) throws -> Data {
        var data = Data(count: max(count, 0))
        var filled = 0
        try data.withUnsafeMutableBytes { buffer in
            while filled < buffer.count {
                let got = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
                if got == 0 { break }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                filled += got
            }
        }
        data.count = filled
        return data
    }
}
