import EaselCore
import Foundation
import Testing

@Suite struct APIKeyTests {
    @Test(arguments: StoreKind.allCases) func createAuthenticateRevoke(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let issuer = APIKeyIssuer(store: db.keys)
        let (key, secret) = try await issuer.create(name: "ci")
        #expect(secret.hasPrefix("esk_"))
        #expect(secret.count == 4 + 43)
        #expect(key.prefix == String(secret.prefix(10)))
        #expect(try await issuer.authenticate(secret: secret)?.id == key.id)
        #expect(try await issuer.authenticate(secret: secret + "x") == nil)
        #expect(try await issuer.authenticate(secret: "") == nil)

        // Only the hash is stored, never the secret.
        let stored = try await db.keys.allKeys()
        #expect(stored.contains { $0.secretHash == APIKeyIssuer.hash(secret) })
        for file in ["easel.sqlite", "easel.sqlite-wal"] {
            guard let url = db.directory?.appendingPathComponent(file) else { continue }
            guard let bytes = try? Data(contentsOf: url) else { continue }
            #expect(bytes.range(of: Data(secret.utf8)) == nil)
            #expect(bytes.range(of: Data(APIKeyIssuer.hash(secret).utf8)) != nil || file == "easel.sqlite")
        }

        #expect(try await db.keys.revoke(id: key.id) == KeyRevocation(canceledQueued: 0, stoppingRunning: 0))
        #expect(try await db.keys.revoke(id: key.id) == nil)
        #expect(try await issuer.authenticate(secret: secret) == nil)
    }
}
