import EaselServer
import Foundation
import Testing

/// Authenticated keys are cached; revoking one must still shut it out at once. The cache's
/// lifetime is an hour here, so only the revocation itself can empty it in time.
@Suite struct KeyCacheTests {
    static func hourLongCache(_ settings: inout ServerSettings) {
        settings.keyCacheLifetime = .seconds(3600)
    }

    @Test func aKeyRevokedByTheCommandLineIsRefusedOnTheNextRequest() async throws {
        try await EaselHarness.run(configure: Self.hourLongCache) { api in
            let list = "/api/v1/job/list"
            // Twice: the second answer comes from the cache.
            #expect(try await api.request(.get, list, key: api.otherKey).status == 200)
            #expect(try await api.request(.get, list, key: api.otherKey).status == 200)
            let id = try #require(try await api.keys.allKeys().first { $0.name == "second" }?.id)
            let revoked = try EaselProcess.run(["keys", "revoke", id, "--data-dir", api.dataDirectory.path])
            #expect(revoked.status == 0, "\(revoked.output)")

            let refused = try await api.request(.get, list, key: api.otherKey)
            #expect(refused.status == 401)
            #expect(refused.json["code"].int == 2001)
            #expect(try await api.request(.get, list).status == 200, "the other key is still served from the cache")
        }
    }

    @Test func aKeyRevokedThroughAnotherNodeIsRefusedOnPostgres() async throws {
        try await EaselHarness.run(onPostgres: true, configure: Self.hourLongCache) { api in
            let list = "/api/v1/job/list"
            #expect(try await api.request(.get, list, key: api.otherKey).status == 200)
            #expect(try await api.request(.get, list, key: api.otherKey).status == 200)
            // The harness's own connection to the database stands for another node.
            let id = try #require(try await api.keys.allKeys().first { $0.name == "second" }?.id)
            #expect(try await api.keys.revoke(id: id) != nil)
            // Delivered by NOTIFY when the revocation commits: well within the hour.
            try await eventually("the revoked key to be refused") {
                try await api.request(.get, list, key: api.otherKey).status == 401
            }
            #expect(try await api.request(.get, list).status == 200)
        }
    }
}
