import EaselCore
import Logging
import PostgresNIO

/// The stores on one PostgreSQL database, through one pooled client. The client's connection
/// pool runs in a task of its own from `connect` until `close`.
public final class PostgresDatabase: Sendable {
    public let client: PostgresClient
    public let url: DatabaseURL
    let logger: Logger
    /// How long uploads and results are kept.
    let retention: Duration
    private let pool: Task<Void, Never>

    /// Starts the pool, checks that the database answers (within the connect timeout) and
    /// applies missing migrations.
    /// - Throws: `DatabaseUnavailable` naming the URL (password hidden) and the reason.
    public static func connect(
        _ url: DatabaseURL, retention: Duration = .seconds(24 * 3600), logger: Logger
    ) async throws -> PostgresDatabase {
        let database = PostgresDatabase(url: url, retention: retention, logger: logger)
        do {
            try await database.ping()
            let applied = try await PostgresSchema.migrate(database.client, logger: logger)
            if !applied.isEmpty { logger.notice("database migrated", metadata: ["versions": "\(applied)"]) }
        } catch {
            await database.close()
            throw DatabaseUnavailable(url: url, cause: error)
        }
        return database
    }

    private init(url: DatabaseURL, retention: Duration, logger: Logger) {
        self.url = url
        self.retention = retention
        self.logger = logger
        let client = PostgresClient(configuration: url.configuration, backgroundLogger: logger)
        self.client = client
        pool = Task { await client.run() }
    }

    /// Stops the pool; queries after this fail.
    public func close() async {
        pool.cancel()
        await pool.value
    }

    /// Whether the database answers a trivial query (readiness).
    public func ping() async throws {
        try await client.query("SELECT 1", logger: logger)
    }

    public var jobs: PostgresJobStore { PostgresJobStore(client: client, retention: retention, logger: logger) }
    public var keys: PostgresAPIKeyStore { PostgresAPIKeyStore(client: client, logger: logger) }
    public var callbacks: PostgresCallbackStore { PostgresCallbackStore(client: client, logger: logger) }
    public var blobIndex: PostgresBlobIndex { PostgresBlobIndex(client: client, logger: logger) }
    public var blobs: PostgresBlobStore { PostgresBlobStore(client: client, logger: logger) }
}

/// The database could not be reached or prepared; the message names the URL without its
/// password, so it can go to a log or a terminal.
public struct DatabaseUnavailable: Error, CustomStringConvertible {
    public let url: DatabaseURL
    public let cause: any Error

    public var description: String {
        let reason = (cause as? PSQLError).map { String(reflecting: $0) } ?? "\(cause)"
        return "cannot use the database at \(url): \(reason)"
    }
}
