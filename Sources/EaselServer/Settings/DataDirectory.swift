import Foundation

/// The data directory holds webhook signing secrets (in the database), every upload and
/// result, and the first key's file: only the service's own user may read any of it.
enum DataDirectory {
    /// Creates the directory (0700) when missing; returns whether it did.
    @discardableResult
    static func create(_ directory: URL) throws -> Bool {
        guard !FileManager.default.fileExists(atPath: directory.path) else { return false }
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return true
    }

    /// Creates the directory (0700), or makes an existing one and everything in it
    /// owner-only: folders 0700, files 0600. Returns the paths whose mode changed, so that the
    /// caller can say so. Symbolic links are left alone. It walks every file: once per start.
    static func secure(_ directory: URL) throws -> [String] {
        let manager = FileManager.default
        if try create(directory) { return [] }
        var changed: [String] = []
        try restrict(directory.path, to: 0o700, changed: &changed)
        guard let walk = manager.enumerator(atPath: directory.path) else { return changed }
        for case let relative as String in walk {
            let path = directory.appendingPathComponent(relative).path
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try restrict(path, to: 0o700, changed: &changed)
            case S_IFREG: try restrict(path, to: 0o600, changed: &changed)
            default: continue
            }
        }
        return changed
    }

    /// Takes away every permission of group and others (and, for files, execute).
    private static func restrict(_ path: String, to mode: mode_t, changed: inout [String]) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let current = info.st_mode & 0o7777
        let wanted = current & mode
        guard current != wanted else { return }
        guard chmod(path, wanted) == 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path, "errno": errno])
        }
        changed.append(path)
    }
}
