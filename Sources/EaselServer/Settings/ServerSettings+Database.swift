import EaselSQLite
import Foundation

extension ServerSettings {
    /// Opens the data directory's database, creating the directory on first use.
    public func openDatabase() throws -> SQLiteDatabase {
        try FileManager.default.createDirectory(at: dataDirectoryURL, withIntermediateDirectories: true)
        return try SQLiteDatabase(path: databasePath, retention: retention)
    }
}
