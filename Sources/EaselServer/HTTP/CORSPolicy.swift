import Foundation

/// Which web pages on other origins may call the API (`--cors-origins`). Result files are
/// open to every origin whatever this says: their URL is the permission, and pages that
/// show results must be able to fetch them. The API is same-origin unless the operator
/// lists origins: its key is a secret a page should hold only on purpose.
public struct CORSPolicy: Sendable, Equatable {
    /// Origins as browsers serialize them (RFC 6454): `scheme://host[:port]`, lowercased,
    /// without a trailing slash or the scheme's default port.
    public let origins: Set<String>
    /// `*` was listed: any origin (no cookies are ever involved: the key is a header).
    public let anyOrigin: Bool

    public static let sameOrigin = CORSPolicy(origins: [], anyOrigin: false)

    private init(origins: Set<String>, anyOrigin: Bool) {
        self.origins = origins
        self.anyOrigin = anyOrigin
    }

    /// - Throws: `SettingsError` naming the first entry that is not an origin.
    public init(listed: [String]) throws {
        var origins: Set<String> = []
        var anyOrigin = false
        for entry in listed {
            if entry == "*" {
                anyOrigin = true
            } else if let origin = Self.normalized(entry) {
                origins.insert(origin)
            } else {
                throw SettingsError(
                    setting: .corsOrigins, rule: "must be origins such as https://app.example.com (scheme, host and port only) or *",
                    got: entry)
            }
        }
        self.init(origins: origins, anyOrigin: anyOrigin)
    }

    public var isSameOrigin: Bool { origins.isEmpty && !anyOrigin }

    /// A request's `Origin` is compared exactly: a browser always sends the serialized form,
    /// so anything else (`HTTPS://…`, a trailing slash) did not come from one.
    func allows(_ origin: String) -> Bool {
        anyOrigin || origins.contains(origin)
    }

    private static func normalized(_ text: String) -> String? {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let parts = URLComponents(string: trimmed), let scheme = parts.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty,
              parts.path.isEmpty, parts.query == nil, parts.fragment == nil, parts.user == nil, parts.password == nil
        else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        return "\(scheme)://\(host.lowercased())" + (parts.port.flatMap { $0 == defaultPort ? nil : ":\($0)" } ?? "")
    }
}
