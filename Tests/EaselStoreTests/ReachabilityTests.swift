import EaselCore
import EaselTestSupport
import Foundation
import Logging
import Synchronization
import Testing

@testable import EaselPostgres

/// A node whose connection pool is busy (every connection in use, requests queued for one)
/// must not take its database for unreachable: that would turn a burst of requests into
/// "database down" errors (code 3000) for everyone.
@Suite struct ReachabilityTests {
    @Test func aSaturatedPoolIsNotTakenForAnUnreachableDatabase() async throws {
        let db = try await StoreFixture(.postgres)
        defer { db.remove() }
        let database = try #require(db.postgres)
        var quiet = Logger(label: "easel-store-test")
        quiet.logLevel = .error
        let logger = quiet
        // Twice as many three-second queries as the pool has connections: for six seconds
        // every connection is taken and twenty more requests wait for one, three times the
        // monitor's two-second ping window.
        let done = Flag()
        let saturation = Task {
            defer { done.raise() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask { try await database.client.query("SELECT pg_sleep(3)", logger: logger) }
                }
                try await group.waitForAll()
            }
        }
        var closedWhileBusy = false
        while !done.isRaised {
            if !database.gate.isOpen { closedWhileBusy = true }
            try await Task.sleep(for: .milliseconds(100))
        }
        try await saturation.value
        #expect(!closedWhileBusy, "the gate closed while the database answered every query")
    }
}

/// A database that stalls (every PostgreSQL process frozen, connections open) stops
/// answering pings: once the silence has lasted (ten seconds; shorter silences, as a loaded
/// machine gives, leave the gate open, which a timed test cannot check on a loaded CI machine)
/// the gate closes, and the next answer opens it again.
@Suite struct SilentDatabaseTests {
    @Test func aLongSilenceClosesTheGateAndTheNextAnswerOpensIt() async throws {
        let server = try await TemporaryPostgres.dedicated()
        defer { try? server.stop() }
        var logger = Logger(label: "easel-store-test")
        logger.logLevel = .critical
        let database = try await PostgresDatabase.connect(try DatabaseURL(try server.makeDatabase()), logger: logger)
        try await Self.waitUntil("the gate to open", timeout: .seconds(30)) { database.gate.isOpen }

        try server.pause()
        do {
            try await Self.waitUntil("a long silence to close the gate", timeout: .seconds(60)) { !database.gate.isOpen }
        } catch {
            try server.resume()
            throw error
        }
        try server.resume()
        try await Self.waitUntil("the next answer to open it", timeout: .seconds(30)) { database.gate.isOpen }
        await database.close()
    }

    private static func waitUntil(_ what: String, timeout: Duration, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { throw WaitedTooLong(what: what) }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    struct WaitedTooLong: Error, CustomStringConvertible {
        let what: String
        var description: String { "timed out waiting for \(what)" }
    }
}

/// Set once by one task, read by another.
final class Flag: Sendable {
    private let value = Atomic(false)
    var isRaised: Bool { value.load(ordering: .acquiring) }
    func raise() { value.store(true, ordering: .releasing) }
}
