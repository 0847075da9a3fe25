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
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError.unauthorized("Authorization: must be \"Bearer <API key>\"")
        }
        let secret = parts[1].trimmingCharacters(in: .whitespaces)
        guard let key = try await issuer.authenticate(secret: secret) else {
            throw APIError.invalidToken("Authorization: the API key is not valid or was revoked")
        }
        return key
    }
}
