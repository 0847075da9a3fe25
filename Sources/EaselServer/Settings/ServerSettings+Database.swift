import EaselSQLite
import Foundation
import Logging

extension ServerSettings {
    /// Opens the data directory's database, creating the directory (owner-only) on first use.
    /// An existing directory's permissions are `secureDataDirectory`'s business, once per start.
    public func openDatabase() throws -> SQLiteDatabase {
        try DataDirectory.create(dataDirectoryURL)
        return try SQLiteDatabase(path: databasePath, retention: retention)
    }

    /// Makes the data directory and everything in it readable by the service's user alone,
    /// and says so in the log when it was not.
    public func secureDataDirectory(logger: Logger) throws {
        let narrowed = try DataDirectory.secure(dataDirectoryURL)
        guard !narrowed.isEmpty else { return }
        logger.warning(
            "the data directory was readable by other users; made owner-only (folders 0700, files 0600)",
            metadata: ["paths": "\(narrowed.count)", "data_dir": "\(dataDirectory)"])
    }
}
