import EaselClient
import EaselCore
import EaselServer
import Foundation
import HummingbirdTesting
import Logging
import Testing

/// A real Easel application on an ephemeral loopback port, started in the test process, with
/// one API key. Result URLs follow the bound port, so the client downloads them as they are.
struct LiveEasel: Sendable {
    let baseURL: String
    let key: String
    /// The key's `whsec_…` callback signing secret.
    let webhookSecret: String

    /// A client that polls often, so that tests wait little.
    var client: EaselClient { EaselClient(baseURL: baseURL, key: key, pollInterval: .milliseconds(50)) }

    /// - Parameter configure: adjusts the settings, e.g. `role = .api` for a server that
    ///   queues jobs and never runs them.
    static func run(
        configure: (inout ServerSettings) -> Void = { _ in },
        _ body: @escaping @Sendable (LiveEasel) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-client-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var settings = ServerSettings()
        settings.port = 0
        settings.dataDirectory = directory.path
        settings.fetchAllow = ["127.0.0.0/8"]
        settings.logLevel = "error"
        configure(&settings)
        var logger = Logger(label: "easel-client-test")
        logger.logLevel = .error
        // The key is made through stores of its own, as an operator's `easel keys create` would.
        let stores = try await settings.openStores(logger: logger)
        do {
            let (key, secret) = try await APIKeyIssuer(store: stores.keys).create(name: "client")
            let app = try await EaselApplication.build(settings: settings, logger: logger)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                try await body(LiveEasel(baseURL: "http://127.0.0.1:\(port)", key: secret, webhookSecret: key.webhookSecret))
            }
        } catch {
            await stores.close()
            throw error
        }
        await stores.close()
    }
}
