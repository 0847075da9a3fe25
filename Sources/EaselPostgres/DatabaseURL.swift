import Foundation
import PostgresNIO

/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=disable|prefer|require`, read into
/// the client's configuration. `sslmode` defaults to `prefer`: TLS when the server offers it.
public struct DatabaseURL: Sendable, CustomStringConvertible {
    public let configuration: PostgresClient.Configuration
    /// The URL with its password replaced, for logs and messages.
    public let description: String

    public init(_ text: String) throws(DatabaseURLError) {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme.lowercased())
        else {
            throw DatabaseURLError("must be postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        guard let host = components.host, !host.isEmpty else { throw DatabaseURLError("must name a host") }
        guard let user = components.user, !user.isEmpty else { throw DatabaseURLError("must name a user (postgres://USER@HOST/DATABASE)") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw DatabaseURLError("must name a database (…/DATABASE)") }
        let tls: PostgresClient.Configuration.TLS
        switch components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer" {
        case "disable": tls = .disable
        case "prefer": tls = .prefer(.makeClientConfiguration())
        case "require": tls = .require(.makeClientConfiguration())
        case let other: throw DatabaseURLError("sslmode must be disable, prefer or require (got \"\(other)\")")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: components.password?.removingPercentEncoding, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        self.configuration = configuration
        var shown = components
        if shown.password != nil { shown.password = "***" }
        description = shown.string ?? "postgres://…"
    }
}

/// A database URL that does not parse; the message says which part is wrong.
public struct DatabaseURLError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
