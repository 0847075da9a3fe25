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
            throw APIError.unauthorized(
                "Authorization: must be \"Bearer <API key>\": the scheme, one space, then the key (letters, digits and -._~+/=)")
        }
        guard let key = try await issuer.authenticate(secret: secret) else {
            throw APIError.invalidToken("Authorization: the API key is not valid or was revoked")
        }
        return key
    }

    /// The token of `Bearer TOKEN`: the scheme in any case, exactly one space, then a
    /// `b64token` (RFC 6750 §2.1: letters, digits, `-._~+/`, then `=` padding). One exact
    /// form, so that a gateway in front and this server cannot read one header as two
    /// different keys; read without Foundation: every API request pays for it.
    static func bearerToken(_ header: String) -> String? {
        let utf8 = header.utf8
        let scheme = "bearer ".utf8
        guard utf8.count > scheme.count,
              zip(utf8, scheme).allSatisfy({ byte, expected in byte == expected || byte | 0x20 == expected && expected != 0x20 })
        else { return nil }
        let token = utf8.dropFirst(scheme.count)
        let padding = token.reversed().prefix(while: { $0 == UInt8(ascii: "=") }).count
        let body = token.dropLast(padding)
        guard !body.isEmpty, body.allSatisfy(isTokenByte) else { return nil }
        return String(Substring(token))
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"):
            true
        default: false
        }
    }
}
