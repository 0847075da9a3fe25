import EaselCore
import Logging
import PostgresNIO

/// The stores on one PostgreSQL database, through one pooled client. The client's connection
/// pool runs in a task of its own from `connect` until `close`.
public final class PostgresDatabase: Sendable {
    public let client: PostgresClient
    public let url: DatabaseURL
    let logger: Logger
    /// How long uploads and results are kept.
    let retention: Duration
    private let pool: Task<Void, Never>
    private let monitor: Task<Void, Never>
    private let probe: ReachabilityProbe
    let gate: ReachabilityGate
    /// Bumped by revocations made here and by those other nodes announce
    /// (`relayRevocations`).
    public let revocations = LocalRevocationCounter()

    /// Starts the pool, checks that the database answers (within the connect timeout) and
    /// applies missing migrations.
    /// - Throws: `DatabaseUnavailable` naming the URL (password hidden) and the reason.
    public static func connect(
        _ url: DatabaseURL, retention: Duration = .seconds(24 * 3600), logger: Logger
    ) async throws -> PostgresDatabase {
        // One connection of its own first: the pool retries a server that refuses, while a
        // start must fail at once with the server's reason (refused, unknown database, wrong
        // password).
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try url.connectionConfiguration(), id: 0, logger: Self.quiet(logger))
            try await connection.close()
        } catch {
            throw DatabaseUnavailable(url: url, cause: error)
        }
        let database = PostgresDatabase(url: url, retention: retention, logger: logger)
        do {
            let applied = try await PostgresSchema.migrate(database.client, logger: logger)
            if !applied.isEmpty { logger.notice("database migrated", metadata: ["versions": "\(applied)"]) }
        } catch {
            await database.close()
            throw DatabaseUnavailable(url: url, cause: error)
        }
        return database
    }

    private init(url: DatabaseURL, retention: Duration, logger: Logger) {
        self.url = url
        self.retention = retention
        self.logger = logger
        // The pool logs every failed connection attempt at info, in a loop while the server
        // is down; the service reports that itself (readiness, request errors).
        let client = PostgresClient(configuration: url.configuration, backgroundLogger: Self.quiet(logger))
        self.client = client
        pool = Task { await client.run() }
        let gate = ReachabilityGate(url: url)
        self.gate = gate
        let probe = ReachabilityProbe(url: url, logger: Self.quiet(logger))
        self.probe = probe
        monitor = Task { await Self.monitor(probe, gate: gate, logger: logger) }
    }

    /// Pings the database every second over the probe's own connection (a saturated pool is
    /// busy, not unreachable). A failed ping (refused, reset) closes the gate at once; silence
    /// closes it only once nothing has answered for ten seconds, as a loaded machine answers
    /// late, not never. Requests then fail at once, with code 3000; the next answer opens it.
    /// A ping that hangs is left to finish on its own (no second one starts meanwhile), unless
    /// its connection closed under it: such a ping never ends.
    private static func monitor(_ probe: ReachabilityProbe, gate: ReachabilityGate, logger: Logger) async {
        var pending: Task<Bool, Never>?
        var lastAnswer = ContinuousClock.now
        while !Task.isCancelled {
            let ping = pending ?? Task { await probe.ping() }
            let answered = await firstOf(ping, orNilAfter: .seconds(5))
            let stuck = answered == nil ? await probe.isStuck() : false
            pending = answered == nil && !stuck ? ping : nil
            if answered != nil { lastAnswer = .now }
            let silentTooLong = ContinuousClock.now - lastAnswer >= .seconds(10)
            let open = answered ?? (gate.isOpen && !stuck && !silentTooLong)
            if open != gate.isOpen {
                logger.log(level: open ? .notice : .error, open ? "database reachable again" : "database not reachable")
                gate.set(open)
            }
            try? await Task.sleep(for: .seconds(1))
        }
        pending?.cancel()
    }

    /// The task's value, or nil when `limit` passes first (the task runs on).
    private static func firstOf(_ task: Task<Bool, Never>, orNilAfter limit: Duration) async -> Bool? {
        let (results, continuation) = AsyncStream.makeStream(of: Bool?.self)
        let answer = Task { continuation.yield(await task.value) }
        let timer = Task {
            try? await Task.sleep(for: limit)
            continuation.yield(nil)
        }
        defer { answer.cancel(); timer.cancel(); continuation.finish() }
        for await result in results { return result }
        return nil
    }

    private static func quiet(_ logger: Logger) -> Logger {
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        return quiet
    }

    /// Stops the pool; queries after this fail.
    public func close() async {
        monitor.cancel()
        await monitor.value
        await probe.close()
        pool.cancel()
        await pool.value
    }

    /// Whether the database answers a trivial query (readiness); fails at once while the
    /// monitor finds it unreachable.
    public func ping() async throws {
        try await guarded.query("SELECT 1", logger: logger)
    }

    private var guarded: GuardedClient { GuardedClient(client: client, gate: gate) }
    public var jobs: PostgresJobStore { PostgresJobStore(client: guarded, retention: retention, logger: logger) }
    public var keys: PostgresAPIKeyStore { PostgresAPIKeyStore(client: guarded, counter: revocations, logger: logger) }
    public var callbacks: PostgresCallbackStore { PostgresCallbackStore(client: guarded, logger: logger) }
    public var blobIndex: PostgresBlobIndex { PostgresBlobIndex(client: guarded, logger: logger) }
    public var blobs: PostgresBlobStore { PostgresBlobStore(client: guarded, logger: logger) }
}

/// The database could not be reached or prepared; the message names the URL without its
/// password, so it can go to a log or a terminal.
public struct DatabaseUnavailable: Error, CustomStringConvertible {
    public let url: DatabaseURL
    public let cause: any Error

    public var description: String {
        "cannot use the database at \(url): \(Self.reason(cause))"
    }

    /// One line: the server's own message (a wrong password, an unknown database), or what
    /// failed underneath (connection refused, a timeout).
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }
}



extension PostgresDatabase {
    /// Calls `handle` with every queue notification until the task is cancelled or the
    /// connection fails (then it throws: the caller listens again). Holds one of the pool's
    /// connections while it listens.
    public func listen(_ handle: @Sendable (QueueNotification) -> Void) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: QueueNotification.channel) { notifications in
                for try await notification in notifications {
                    if let event = QueueNotification(payload: notification.payload) { handle(event) }
                }
            }
        }
    }

    static func notify(_ connection: PostgresConnection, _ event: QueueNotification, logger: Logger) async throws {
        try await connection.query("SELECT pg_notify(\(QueueNotification.channel), \(event.payload))", logger: logger)
    }
}

extension DatabaseUnavailable {
    /// Whether `error` means the database cannot be reached (down, restarting, the network)
    /// rather than that a query was wrong: the request may be retried later.
    public static func isConnectionFailure(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return error is DatabaseUnavailable }
        return [.connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed].contains(error.code)
    }
}
