import EaselCore
import EaselServer
import EaselTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// Runs a real Easel application on an ephemeral loopback port (HummingbirdTesting `.live`),
/// with a fresh data directory and two API keys, and hands the test a small API client.
enum EaselHarness {
    static func settings(dataDirectory: URL) -> ServerSettings {
        var settings = ServerSettings()
        settings.port = 0
        settings.dataDirectory = dataDirectory.path
        settings.publicURL = "http://easel.test"
        settings.fetchAllow = ["127.0.0.0/8"]
        // Timers a test does not mean to run out are long: a loaded machine can pause a
        // heartbeat or a held fetch for seconds. A test that needs one to pass sets it.
        settings.leaseDuration = .seconds(120)
        settings.fetchTimeout = .seconds(600)
        settings.callbackTimeout = .seconds(120)
        settings.logLevel = "error"
        return settings
    }

    /// - Parameter onPostgres: every store on a fresh database of the tests' PostgreSQL
    ///   server instead of SQLite.
    static func run(
        onPostgres: Bool = false,
        configure: (inout ServerSettings) -> Void = { _ in },
        _ body: @escaping @Sendable (APIClient) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var settings = settings(dataDirectory: directory)
        if onPostgres { settings.databaseURL = try await TemporaryPostgres.shared.value.makeDatabase() }
        configure(&settings)
        var logger = Logger(label: "easel-test")
        logger.logLevel = .error
        let stores = try await settings.openStores(logger: logger)
        let issuer = APIKeyIssuer(store: stores.keys)
        let first = try await issuer.create(name: "first").secret
        let second = try await issuer.create(name: "second").secret
        let app = try await EaselApplication.build(settings: settings, logger: logger)
        do {
            try await app.test(.live) { client in
                try await body(APIClient(client: client, key: first, otherKey: second, keys: stores.keys, dataDirectory: directory))
            }
        } catch {
            await stores.close()
            throw error
        }
        await stores.close()
    }
}

/// Calls the API the way a client of the hosted API does.
struct APIClient: Sendable {
    let client: any TestClientProtocol
    let key: String
    let otherKey: String
    let keys: any APIKeyStore
    let dataDirectory: URL

    struct Reply: Sendable {
        let status: Int
        let headers: HTTPFields
        let body: Data
        var json: JSON { JSON(data: body) }
    }

    func request(
        _ method: HTTPRequest.Method, _ uri: String, key: String?? = .none, body: Data? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> Reply {
        var headers = extra
        let bearer: String? = switch key { case .none: self.key; case .some(let value): value }
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
        return Reply(status: Int(response.status.code), headers: response.headers, body: Data(buffer: response.body))
    }

    func create(
        _ args: [String: Any], model: String = ModelRegistry.seedModelID, callback: String? = nil,
        key: String?? = .none, headers: HTTPFields = [:]
    ) async throws -> Reply {
        var root: [String: Any] = ["model": model, "args": args]
        root["callback_url"] = callback
        return try await request(.post, "/api/v1/job/create", key: key, body: JSON.body(root), headers: headers)
    }

    /// The signing secret of the harness's first key.
    func webhookSecret() async throws -> String {
        guard let key = try await keys.allKeys().first(where: { $0.name == "first" }) else { throw TimedOut(what: "the first key") }
        return key.webhookSecret
    }

    func query(_ id: String, key: String?? = .none) async throws -> Reply {
        try await request(.get, "/api/v1/job/query?id=\(id)", key: key)
    }

    /// Polls like the hosted API's examples until the status is terminal (not 0 or 1).
    func waitForTerminal(_ id: String, key: String?? = .none, timeout: Duration = .seconds(60)) async throws -> JSON {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            let data = try await query(id, key: key).json["data"]
            if let status = data["status"].int, status >= 2 { return data }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TimedOut(what: "job \(id) to finish")
    }

    /// Downloads a result URL by its path (the public URL names another host).
    func download(_ url: String) async throws -> Reply {
        let path = url.replacingOccurrences(of: "http://easel.test", with: "")
        return try await request(.get, path, key: .some(nil))
    }
}

struct TimedOut: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}
