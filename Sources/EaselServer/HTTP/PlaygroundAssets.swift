import Foundation

/// The web playground's static files (`Resources/playground`), read once when the routes are
/// built. Only files with a known type are kept, so a request can only name one of them.
struct PlaygroundAssets: Sendable {
    struct File: Sendable {
        let data: Data
        let contentType: String
    }

    /// The page talks only to this server, with the key the user typed in: nothing may load
    /// from elsewhere, and no inline code runs.
    static let contentSecurityPolicy = [
        "default-src 'self'", "img-src 'self' blob: data:", "connect-src 'self'", "object-src 'none'",
        "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'",
    ].joined(separator: "; ")

    static let contentTypes = [
        "html": "text/html; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "svg": "image/svg+xml",
    ]

    private let files: [String: File]

    func file(named name: String) -> File? { files[name] }

    static func load() -> PlaygroundAssets {
        guard let folder = Bundle.module.url(forResource: "playground", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return PlaygroundAssets(files: [:])
        }
        var files: [String: File] = [:]
        for name in names {
            let url = folder.appendingPathComponent(name)
            guard let type = contentTypes[url.pathExtension], let data = try? Data(contentsOf: url) else { continue }
            files[name] = File(data: data, contentType: type)
        }
        return PlaygroundAssets(files: files)
    }
}
