import ArgumentParser
import EaselCore
import EaselServer
import Foundation
import Hummingbird
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the API server and its worker.",
        discussion: SettingsHelp.text(width: 78))

    @Argument(parsing: .allUnrecognized, help: "Settings, e.g. --port 8080 --data-dir ./data")
    var settings: [String] = []

    /// Settings that do not parse, or flags that are not settings, are usage errors.
    func validate() throws {
        do {
            _ = try ServerSettings(arguments: settings)
        } catch let error as SettingsError {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let settings = try ServerSettings(arguments: self.settings)
        var logger = Logger(label: "easel")
        logger.logLevel = Logger.Level(rawValue: settings.logLevel) ?? .info
        // Before anything reads or writes it, so that the log says when it was readable.
        try settings.secureDataDirectory(logger: logger)
        let stores = try await settings.openStores(logger: logger)
        let created = try await InitialKey.createIfNone(keys: stores.keys)
        let bannerLogger = logger
        let app = try await EaselApplication.build(settings: settings, stores: stores, logger: logger) { baseURL in
            guard let (key, secret) = created else { return }
            let banner = InitialKey.banner(secret: secret, webhookSecret: key.webhookSecret, baseURL: baseURL)
            // On a terminal the operator reads it; anywhere else stdout is a log that others can
            // read, so the secrets go to a file only the service's user can read.
            do {
                // The file write runs off the cooperative pool, as every file operation does.
                let text = isatty(STDOUT_FILENO) == 1
                    ? banner : try await BlockingExecutor.shared.run { try InitialKey.save(banner, settings: settings) }
                FileHandle.standardOutput.write(Data((text + "\n").utf8))
            } catch {
                bannerLogger.critical("could not save the first key's secret; make one with easel keys create", metadata: ["error": "\(error)"])
            }
        }
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
