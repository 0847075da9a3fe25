import EaselCore
import EaselPostgres
import EaselSQLite
import Foundation
import Logging

/// Every store a process uses, on one backend: SQLite and files under the data directory
/// (one node), or one PostgreSQL database shared by every node (`--database-url`).
public struct EaselStores: Sendable {
    public let jobs: any JobStore
    public let keys: any APIKeyStore
    public let callbacks: any CallbackStore
    public let blobIndex: any BlobIndex
    public let blobs: any BlobStore
    /// Where the data lives, for logs and messages (a URL's password is hidden).
    public let location: String
    /// Set on PostgreSQL: wake-ups and cancels between nodes travel over it.
    public let postgres: PostgresDatabase?
    private let checkAnswers: @Sendable () async throws -> Void

    /// Throws when the database does not answer (readiness).
    public func ping() async throws { try await checkAnswers() }

    /// Releases the connections (PostgreSQL); nothing to do for SQLite.
    public func close() async { await postgres?.close() }

    static func sqlite(_ database: SQLiteDatabase, blobs: FileBlobStore, path: String) -> EaselStores {
        EaselStores(
            jobs: database.jobs, keys: database.keys, callbacks: database.callbacks, blobIndex: database.blobIndex,
            blobs: blobs, location: path, postgres: nil, checkAnswers: { try await database.ping() })
    }

    static func postgres(_ database: PostgresDatabase) -> EaselStores {
        EaselStores(
            jobs: database.jobs, keys: database.keys, callbacks: database.callbacks, blobIndex: database.blobIndex,
            blobs: database.blobs, location: database.url.description, postgres: database,
            checkAnswers: { try await database.ping() })
    }
}

extension ServerSettings {
    /// The stores these settings name: PostgreSQL when `databaseURL` is set (connected and
    /// migrated), else SQLite and files under the data directory (created owner-only).
    /// - Throws: `SettingsError` naming `database.url` when PostgreSQL cannot be used.
    public func openStores(logger: Logger) async throws -> EaselStores {
        guard let databaseURL else {
            let database = try openDatabase()
            return .sqlite(database, blobs: try FileBlobStore(directory: blobDirectory), path: databasePath)
        }
        let url: DatabaseURL
        do {
            url = try DatabaseURL(databaseURL)
        } catch {
            throw SettingsError(setting: .databaseURL, rule: error.description, got: nil)
        }
        do {
            return .postgres(try await PostgresDatabase.connect(url, retention: retention, logger: logger))
        } catch let failure as DatabaseUnavailable {
            throw SettingsError(setting: .databaseURL, rule: failure.description, got: nil)
        }
    }
}
