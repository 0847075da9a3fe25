import Synchronization

/// The base of the URLs the server hands out (results, uploads), without a trailing slash.
/// It is `--public-url`, else `http://HOST:PORT`; with `--port 0` the port is known only once
/// the socket is bound, so the URL is completed then, before the first request is served.
public final class PublicBaseURL: Sendable {
    private let value: Mutex<String>
    private let derivedFromPort: Bool
    private let host: String

    public init(settings: ServerSettings) {
        value = Mutex(settings.resolvedPublicURL)
        derivedFromPort = settings.publicURL == nil
        host = settings.host == "0.0.0.0" ? "127.0.0.1" : settings.host
    }

    public var url: String { value.withLock { $0 } }

    /// Called once the listening socket is bound.
    func bound(port: Int) {
        guard derivedFromPort else { return }
        value.withLock { $0 = "http://\(host):\(port)" }
    }
}
