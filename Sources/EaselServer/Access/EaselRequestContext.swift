import EaselAPI
import EaselCore
import Hummingbird

/// A request context that carries the API key `APIKeyMiddleware` authenticated, so that
/// handlers read it instead of authenticating again.
protocol APIKeyRequestContext: RequestContext {
    var apiKey: APIKey? { get set }
}

extension APIKeyRequestContext {
    /// The key of a route behind `APIKeyMiddleware`.
    func authenticatedKey() throws -> APIKey {
        guard let apiKey else {
            // Only a route wired without the middleware gets here: a bug, not a client error.
            throw APIError.internalError("internal error: route is not behind authentication")
        }
        return apiKey
    }
}

/// Every route's context: Hummingbird's own, plus the API key on the API's routes.
struct EaselRequestContext: APIKeyRequestContext {
    var coreContext: CoreRequestContextStorage
    var apiKey: APIKey?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
