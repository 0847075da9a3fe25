import ArgumentParser
import Foundation
import EaselServer
import Logging

/// `--data-dir` and `--database-url`: where the commands that work on the stores directly
/// find them (the environment's `EASEL_DATA_DIR` and `EASEL_DATABASE_URL` otherwise).
struct StoreOption: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Data directory (default: $EASEL_DATA_DIR or ./data).")
    var dataDirectory: String?

    @Option(name: .customLong("database-url"), help: "postgres://USER:PASSWORD@HOST:PORT/DATABASE (default: $EASEL_DATABASE_URL; without one, SQLite in the data directory).")
    var databaseURL: String?

    /// The server's settings from the environment, with these options applied. Without
    /// `EASEL_PUBLIC_URL`, result URLs use the one the last `easel serve` on the data
    /// directory recorded.
    func settings() throws -> ServerSettings {
        var settings = try ServerSettings(arguments: [])
        if let dataDirectory { settings.dataDirectory = dataDirectory }
        if let databaseURL { settings.databaseURL = databaseURL }
        if settings.publicURL == nil, let recorded = try? String(contentsOf: settings.announcedURLFile, encoding: .utf8) {
            settings.publicURL = recorded.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return settings
    }

    /// Runs `body` with the stores open, and closes them after.
    func withStores<T>(_ body: (EaselStores, ServerSettings) async throws -> T) async throws -> T {
        let settings = try settings()
        var logger = Logger(label: "easel")
        logger.logLevel = .error
        let stores = try await settings.openStores(logger: logger)
        do {
            let result = try await body(stores, settings)
            await stores.close()
            return result
        } catch {
            await stores.close()
            throw error
        }
    }
}
