import Crypto
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

        // Only the hash is stored, never the secret: SHA-256 of its UTF-8, computed here
        // rather than by the product's function.
        let hash = Self.sha256Hex(secret)
        let stored = try await db.keys.allKeys()
        #expect(stored.contains { $0.id == key.id && $0.secretHash == hash })
        let written = try await db.storedBytes()
        #expect(!written.contains { $0.range(of: Data(secret.utf8)) != nil }, "the secret is never written")
        #expect(written.contains { $0.range(of: Data(hash.utf8)) != nil }, "the hash is what is written")

        #expect(try await db.keys.revoke(id: key.id) == KeyRevocation(canceledQueued: 0, stoppingRunning: 0))
        #expect(try await db.keys.revoke(id: key.id) == nil)
        #expect(try await issuer.authenticate(secret: secret) == nil)
    }

    @Test func hashIsSHA256InLowercaseHex() {
        // FIPS 180-2's published digest of "abc".
        #expect(APIKeyIssuer.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    private static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
