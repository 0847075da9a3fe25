import EaselCore
import EaselPostgres
import EaselSQLite
import Foundation
import Logging
import Synchronization
import Testing

/// A key cache must hear of every revocation, including those made by another process: the
/// command line on the same SQLite file, or another node on the same PostgreSQL database.
@Suite struct RevocationCounterTests {
    @Test func aRevocationThroughAnotherConnectionToTheFileEmptiesTheCacheAtOnce() async throws {
        let db = try await StoreFixture(.sqlite)
        defer { db.remove() }
        let issuer = APIKeyIssuer(store: db.keys)
        let (key, secret) = try await issuer.create(name: "cached")
        let cache = APIKeyCache(revocations: db.keys.revocations, lifetime: .seconds(3600))
        let lookups = Atomic(0)
        let lookup = { @Sendable () async throws -> APIKey? in
            lookups.add(1, ordering: .relaxed)
            return try await db.keys.activeKey(secretHash: APIKeyIssuer.hash(secret))
        }
        let hash = APIKeyIssuer.hash(secret)
        #expect(try await cache.key(secretHash: hash, lookup: lookup)?.id == key.id)
        #expect(try await cache.key(secretHash: hash, lookup: lookup)?.id == key.id)
        #expect(lookups.load(ordering: .relaxed) == 1, "the second answer comes from the cache")

        // Another opening of the same file, as `easel keys revoke` makes in its own process.
        let directory = try #require(db.directory)
        let elsewhere = try SQLiteDatabase(path: directory.appendingPathComponent("easel.sqlite").path)
        let before = db.keys.revocations.current()
        #expect(try await elsewhere.keys.revoke(id: key.id) != nil)
        #expect(db.keys.revocations.current() > before)
        #expect(try await cache.key(secretHash: hash, lookup: lookup) == nil)
        #expect(lookups.load(ordering: .relaxed) == 2)
    }

    @Test func aRevocationOnAnotherNodeReachesThisOneByNotification() async throws {
        let db = try await StoreFixture(.postgres)
        defer { db.remove() }
        let database = try #require(db.postgres)
        let (key, _) = try await APIKeyIssuer(store: db.keys).create(name: "cached")
        let relay = Task { try await database.relayRevocations() }
        defer { relay.cancel() }
        // Listening has begun once the relay's first bump is seen.
        try await Self.waitFor("the relay to listen") { database.revocations.current() > 0 }
        let before = database.revocations.current()

        var logger = Logger(label: "easel-store-test")
        logger.logLevel = .error
        let otherNode = try await PostgresDatabase.connect(try DatabaseURL(try #require(db.databaseURL)), logger: logger)
        #expect(try await otherNode.keys.revoke(id: key.id) != nil)
        await otherNode.close()
        try await Self.waitFor("the notification") { database.revocations.current() > before }
    }

    private static func waitFor(_ what: String, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw WaitedTooLong(what: what) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
