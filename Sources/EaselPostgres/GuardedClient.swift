import Logging
import PostgresNIO
import Synchronization

/// The pooled client, refusing at once while the database is known to be unreachable. The
/// pool itself would park every query until a connection can be made again, so requests
/// would hang for as long as the database is down; a monitor (`PostgresDatabase`) pings it
/// every second and opens or closes this gate.
struct GuardedClient: Sendable {
    let client: PostgresClient
    let gate: ReachabilityGate

    func query(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try gate.check()
        return try await client.query(query, logger: logger)
    }

    func withConnection<Result>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try gate.check()
        return try await client.withConnection(body)
    }

    func withTransaction<Result>(
        logger: Logger, isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        try gate.check()
        return try await client.withTransaction(logger: logger, isolation: isolation, body)
    }
}

/// Whether the database answered its last ping.
final class ReachabilityGate: Sendable {
    private let reachable = Atomic<Bool>(true)
    let url: DatabaseURL

    init(url: DatabaseURL) {
        self.url = url
    }

    var isOpen: Bool { reachable.load(ordering: .relaxed) }

    func set(_ open: Bool) { reachable.store(open, ordering: .relaxed) }

    func check() throws {
        guard isOpen else { throw DatabaseUnavailable(url: url, cause: NotAnswering()) }
    }

    struct NotAnswering: Error, CustomStringConvertible {
        var description: String { "the database did not answer its last ping" }
    }
}
