import Foundation

/// Blobs as files in one directory. Writes go to a temporary file first and are renamed into
/// place, so a crash never leaves a half-written blob under a real name.
///
/// Every file operation runs on the blocking executor: a read of a 20 MB file or an fsync
/// must not park one of the few threads of Swift's cooperative pool.
public struct FileBlobStore: BlobStore {
    public let directory: URL
    private let executor: BlockingExecutor

    /// Creates the directory (0700) when missing.
    public init(directory: URL, executor: BlockingExecutor = .shared) throws {
        self.directory = directory
        self.executor = executor
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    public func write(_ data: Data, name: String) async throws {
        let target = try url(for: name)
        let temporary = directory.appendingPathComponent(Self.temporaryPrefix + RandomToken.hex(bytes: 8))
        try await executor.run {
            // Only the server's own user may read results and uploads.
            guard FileManager.default.createFile(
                atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
            }
            // rename(2) replaces the target atomically, whether or not it exists.
            guard rename(temporary.path, target.path) == 0 else {
                let code = errno
                try? FileManager.default.removeItem(at: temporary)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path, "errno": code])
            }
        }
    }

    public func read(name: String) async throws -> Data? {
        let target = try url(for: name)
        return try await executor.run {
            guard FileManager.default.fileExists(atPath: target.path) else { return nil }
            return try Data(contentsOf: target)
        }
    }

    public func open(name: String) async throws -> (any BlobReader)? {
        let target = try url(for: name)
        let executor = executor
        return try await executor.run { try FileBlobReader.open(path: target.path, executor: executor) }
    }

    public func delete(name: String) async throws {
        let target = try url(for: name)
        try await executor.run {
            if FileManager.default.fileExists(atPath: target.path) {
                try FileManager.default.removeItem(at: target)
            }
        }
    }

    public func names(modifiedBefore date: Date) async throws -> [String] {
        try await entries(modifiedBefore: date).filter { !$0.hasPrefix(Self.temporaryPrefix) }
    }

    public func removeTemporaryFiles(modifiedBefore date: Date) async throws -> Int {
        let stale = try await entries(modifiedBefore: date).filter { $0.hasPrefix(Self.temporaryPrefix) }
        let directory = directory
        try await executor.run {
            for name in stale { try FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
        }
        return stale.count
    }

    private static let temporaryPrefix = ".tmp-"

    private func entries(modifiedBefore date: Date) async throws -> [String] {
        let directory = directory
        return try await executor.run {
            try FileManager.default.contentsOfDirectory(
                at: directory, includingPropertiesForKeys: [.contentModificationDateKey], options: []
            ).filter { url in
                let modified = try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
                return (modified ?? .distantPast) < date
            }.map(\.lastPathComponent)
        }
    }

    /// Names come from URLs: only plain file names are accepted, never paths.
    private func url(for name: String) throws -> URL {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        guard allowed, !name.isEmpty, !name.hasPrefix("."), name.count <= 128 else {
            throw BlobNameError(name: name)
        }
        return directory.appendingPathComponent(name)
    }
}

/// A blob name that is not a plain file name.
public struct BlobNameError: Error, CustomStringConvertible {
    public let name: String
    public var description: String { "invalid blob name \"\(name.prefix(64))\"" }
}
