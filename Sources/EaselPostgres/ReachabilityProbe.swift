import Logging
import PostgresNIO

/// Asks the database `SELECT 1` over a connection of its own. Through the pool, a ping would
/// queue behind every request waiting for a connection, and a node busy with a burst of
/// creates (each holding a pooled connection in its transaction) would take itself for one
/// whose database does not answer.
actor ReachabilityProbe {
    private let url: DatabaseURL
    private let logger: Logger
    private var connection: PostgresConnection?
    private var connections = 0

    init(url: DatabaseURL, logger: Logger) {
        self.url = url
        self.logger = logger
    }

    /// Whether the database answered. A connection the server closed is replaced first: a
    /// query written to a closed connection is never answered, not even with an error.
    func ping() async -> Bool {
        do {
            let open = if let connection, !connection.isClosed { connection } else { try await connect() }
            try await open.query("SELECT 1", logger: logger)
            return true
        } catch {
            await close()
            return false
        }
    }

    /// Whether the ping under way can never answer (its connection closed under it, after
    /// `ping` checked it); the connection is then dropped, for the next ping to replace.
    func isStuck() async -> Bool {
        guard let connection, connection.isClosed else { return false }
        await close()
        return true
    }

    func close() async {
        let open = connection
        connection = nil
        try? await open?.close()
    }

    private func connect() async throws -> PostgresConnection {
        await close()
        connections += 1
        let connection = try await PostgresConnection.connect(
            configuration: try url.connectionConfiguration(), id: connections, logger: logger)
        self.connection = connection
        return connection
    }
}
