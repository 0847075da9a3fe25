import EaselCore
import Foundation
import Synchronization
import Testing

/// What the key cache holds and for how long; the stores' counters are tested with the stores.
@Suite struct APIKeyCacheTests {
    static let key = APIKey(
        id: "key_1", name: "one", prefix: "esk_abc", secretHash: "h1", webhookSecret: "whsec_x", createdAt: Date())

    /// Looks keys up in a fixed table, counting the lookups.
    final class Table: Sendable {
        let lookups = Atomic(0)
        let keys: [String: APIKey]
        init(_ keys: [String: APIKey]) { self.keys = keys }

        func lookup(_ hash: String) -> APIKey? {
            lookups.add(1, ordering: .relaxed)
            return keys[hash]
        }
        var count: Int { lookups.load(ordering: .relaxed) }
    }

    @Test func keysAreHeldUntilTheCounterMovesAndUnknownSecretsNever() async throws {
        let counter = LocalRevocationCounter()
        let cache = APIKeyCache(revocations: counter, lifetime: .seconds(3600))
        let table = Table(["h1": Self.key])
        for _ in 0..<3 { #expect(try await cache.key(secretHash: "h1") { table.lookup("h1") } == Self.key) }
        #expect(table.count == 1)
        for _ in 0..<3 { #expect(try await cache.key(secretHash: "h2") { table.lookup("h2") } == nil) }
        #expect(table.count == 4, "an unknown secret is looked up every time: a new key works at once")

        counter.bump()
        #expect(try await cache.key(secretHash: "h1") { table.lookup("h1") } == Self.key)
        #expect(table.count == 5, "a revocation anywhere drops every held key")
        #expect(cache.count == 1)
    }

    @Test func aKeyIsLookedUpAgainAfterItsLifetime() async throws {
        let cache = APIKeyCache(revocations: LocalRevocationCounter(), lifetime: .milliseconds(1))
        let table = Table(["h1": Self.key])
        _ = try await cache.key(secretHash: "h1") { table.lookup("h1") }
        let deadline = ContinuousClock.now + .seconds(30)
        while table.count < 2, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
            _ = try await cache.key(secretHash: "h1") { table.lookup("h1") }
        }
        #expect(table.count >= 2)
    }

    @Test func aLookupThatRacedARevocationIsNotKept() async throws {
        let counter = LocalRevocationCounter()
        let cache = APIKeyCache(revocations: counter, lifetime: .seconds(3600))
        // The revocation commits while the lookup is under way: what it read may be stale.
        _ = try await cache.key(secretHash: "h1") {
            counter.bump()
            return Self.key
        }
        #expect(cache.count == 0)
    }
}
