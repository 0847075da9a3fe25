import Foundation

/// Blobs as files in one directory. Writes go to a temporary file first and are renamed into
/// place, so a crash never leaves a half-written blob under a real name.
public struct FileBlobStore: BlobStore {
    public let directory: URL

    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    public func write(_ data: Data, name: String) async throws {
        let target = try url(for: name)
        let temporary = directory.appendingPathComponent(Self.temporaryPrefix + RandomToken.hex(bytes: 8))
        try data.write(to: temporary)
        // rename(2) replaces the target atomically, whether or not it exists.
        guard rename(temporary.path, target.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path, "errno": code])
        }
    }

    public func read(name: String) async throws -> Data? {
        let target = try url(for: name)
        guard FileManager.default.fileExists(atPath: target.path) else { return nil }
        return try Data(contentsOf: target)
    }

    public func delete(name: String) async throws {
        let target = try url(for: name)
        if FileManager.default.fileExists(atPath: target.path) {
            try FileManager.default.removeItem(at: target)
        }
    }

    public func names(modifiedBefore date: Date) async throws -> [String] {
        try entries(modifiedBefore: date).filter { !$0.hasPrefix(Self.temporaryPrefix) }
    }

    public func removeTemporaryFiles(modifiedBefore date: Date) async throws -> Int {
        let stale = try entries(modifiedBefore: date).filter { $0.hasPrefix(Self.temporaryPrefix) }
        for name in stale { try FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
        return stale.count
    }

    private static let temporaryPrefix = ".tmp-"

    private func entries(modifiedBefore date: Date) throws -> [String] {
        try FileManager.default.contentsOfDirectory(
            at: directory, includingPropertiesForKeys: [.contentModificationDateKey], options: []
        ).filter { url in
            let modified = try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
            return (modified ?? .distantPast) < date
        }.map(\.lastPathComponent)
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
