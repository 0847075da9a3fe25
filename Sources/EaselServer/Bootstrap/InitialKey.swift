import EaselCore
import Foundation

/// The first `easel serve` on an empty data directory creates a key, so the service can be
/// used at once; it is printed once, with a ready-to-paste request.
public enum InitialKey {
    /// Creates a key named `default` when the store has none. Returns its secret.
    public static func createIfNone(keys: any APIKeyStore) async throws -> (key: APIKey, secret: String)? {
        guard try await keys.allKeys().isEmpty else { return nil }
        return try await APIKeyIssuer(store: keys).create(name: "default")
    }

    /// Writes `banner` to `initial-api-key.txt` in the data directory, readable by its owner
    /// only, and returns a line saying where it is.
    public static func save(_ banner: String, settings: ServerSettings) throws -> String {
        let url = settings.dataDirectoryURL.appendingPathComponent("initial-api-key.txt")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(banner.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        return "Created the first API key; it and a ready-to-paste request are in \(url.path) (mode 0600)."
    }

    public static func banner(secret: String, webhookSecret: String, baseURL base: String) -> String {
        return """

            Created the first API key; Easel keeps only its hash, so save it (`easel keys create` makes more):

                \(secret)

            Callbacks for its jobs are signed (Standard Webhooks) with: \(webhookSecret)

            Try it:

                curl -s -X POST \(base)/api/v1/job/create \\
                  -H "Authorization: Bearer \(secret)" -H "Content-Type: application/json" \\
                  -d '{"model": "\(ModelRegistry.seedModelID)", "args": {"prompt": "make it warmer and brighter",
                       "image_urls": ["data:image/png;base64,'"$(base64 -w0 photo.png)"'"], "width": 1024, "height": 1024}}'

            """
    }
}
