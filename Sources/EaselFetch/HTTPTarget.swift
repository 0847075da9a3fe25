#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An http(s) URL checked for fetching, with its host exactly as AsyncHTTPClient will read it.
///
/// AsyncHTTPClient parses the same string with the same `URL(string:)` and takes `url.host`
/// (brackets trimmed), so the host resolved and checked here is the one it will look up in
/// `dnsOverride`, and so the one whose connection gets pinned.
struct HTTPTarget: Sendable {
    /// Passed to AsyncHTTPClient unchanged.
    let url: String
    let host: String
    let port: Int

    static let maxURLLength = 8192

    init(parsing text: String, isRedirect: Bool = false) throws(FetchError) {
        guard text.utf8.count <= Self.maxURLLength else {
            throw .invalidURL("it is longer than \(Self.maxURLLength) bytes")
        }
        guard let parsed = URL(string: text) else { throw .invalidURL("it cannot be parsed") }
        guard let scheme = parsed.scheme?.lowercased() else {
            throw .invalidURL("it has no scheme; expected http:, https: or data:")
        }
        guard scheme == "http" || scheme == "https" else {
            throw scheme == "data" && isRedirect ? .dataURLRedirect : .unsupportedScheme(scheme)
        }
        // Credentials would be sent nowhere (AsyncHTTPClient ignores them) but they end up in job
        // records and logs, and `http://trusted@evil/` is a classic way to mislead a reader.
        guard parsed.user == nil, parsed.password == nil else { throw .credentials }
        guard var host = parsed.host, !host.isEmpty else { throw .invalidURL("it has no host") }
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        }
        // getaddrinfo takes a C string: a NUL would cut the name short, and control characters or
        // spaces are never part of a real host name.
        guard !host.isEmpty, host.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7f }) else {
            throw .invalidURL("its host contains spaces or control characters")
        }
        let defaultPort = scheme == "https" ? 443 : 80
        let port = parsed.port ?? defaultPort
        guard (1...65535).contains(port) else { throw .invalidURL("port \(port) is outside 1...65535") }
        self.url = text
        self.host = host
        self.port = port
    }

    /// The absolute URL a Location header points to, relative references resolved against `base`.
    static func resolve(location: String, against base: String) -> String? {
        guard let baseURL = URL(string: base), let next = URL(string: location, relativeTo: baseURL) else {
            return nil
        }
        return next.absoluteString
    }
}
