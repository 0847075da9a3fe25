import EaselAPI
import EaselCore
import Hummingbird

/// Resolves `Authorization: Bearer KEY` to a stored, active API key.
struct RequestAuthenticator: Sendable {
    let issuer: APIKeyIssuer

    func key(for request: Request) async throws -> APIKey {
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("Authorization: missing; send \"Authorization: Bearer <API key>\"")
        }
        guard let secret = Self.bearerToken(header) else {
            throw APIError.unauthorized("Authorization: must be \"Bearer <API key>\"")
        }
        guard let key = try await issuer.authenticate(secret: secret) else {
            throw APIError.invalidToken("Authorization: the API key is not valid or was revoked")
        }
        return key
    }

    /// The token of `Bearer TOKEN` (the scheme in any case, blanks around the token dropped),
    /// read without Foundation: every API request pays for it.
    static func bearerToken(_ header: String) -> String? {
        let utf8 = header.utf8
        let scheme = "bearer".utf8
        guard utf8.count > scheme.count + 1,
              zip(utf8, scheme).allSatisfy({ byte, expected in byte | 0x20 == expected }),
              utf8.dropFirst(scheme.count).first == UInt8(ascii: " ")
        else { return nil }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let token = utf8.dropFirst(scheme.count + 1).drop(while: isBlank)
        guard let last = token.lastIndex(where: { !isBlank($0) }) else { return nil }
        return String(Substring(token[...last]))
    }
}
