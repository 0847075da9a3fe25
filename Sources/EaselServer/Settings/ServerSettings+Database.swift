import EaselSQLite
import Foundation

extension ServerSettings {
    /// Opens the data directory's database, creating the directory (owner-only) on first use.
    public func openDatabase() throws -> SQLiteDatabase {
        try secureDataDirectory()
        return try SQLiteDatabase(path: databasePath, retention: retention)
    }

    /// Makes the data directory and everything in it readable by the service's user alone;
    /// returns the paths whose permissions had to be narrowed.
    @discardableResult
    public func secureDataDirectory() throws -> [String] {
        try DataDirectory.secure(dataDirectoryURL)
    }
}
