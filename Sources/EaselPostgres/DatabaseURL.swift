import Foundation
import PostgresNIO

/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=disable|prefer|require`, read into
/// the client's configuration. `sslmode` defaults to `prefer`: TLS when the server offers it.
public struct DatabaseURL: Sendable, CustomStringConvertible {
    public let configuration: PostgresClient.Configuration
    let sslMode: String
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
        sslMode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer"
        switch sslMode {
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

extension DatabaseURL {
    /// The same server and credentials for one connection of its own, outside the pool.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS = switch sslMode {
        case "disable": .disable
        case "require": .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var connection = PostgresConnection.Configuration(
            host: configuration.host ?? "localhost", port: configuration.port ?? 5432, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: tls)
        connection.options.connectTimeout = .seconds(5)
        return connection
    }
}

/// A database URL that does not parse; the message says which part is wrong.
public struct DatabaseURLError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
