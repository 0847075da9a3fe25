import EaselAPI
import Hummingbird

/// Refuses a key's requests beyond its rate with 429 (code 3001, `Retry-After`), and tells
/// the client where it stands on every answer (`X-RateLimit-Limit`, `-Remaining`, `-Reset`).
/// Runs after `APIKeyMiddleware`: the limit is per key.
struct RateLimitMiddleware<Context: APIKeyRequestContext>: RouterMiddleware {
    let limiter: RateLimiter

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let decision = limiter.take(keyID: try context.authenticatedKey().id)
        var response: Response
        if decision.allowed {
            do {
                response = try await next(request, context)
            } catch let error as APIError {
                // Rendered here rather than by `EnvelopeErrorMiddleware`, to carry the headers.
                response = JSONResponse.error(error)
            }
        } else {
            response = JSONResponse.error(.rateLimited(
                "rate: more than \(decision.limit) requests at once or \(Self.rate(limiter.requestsPerSecond)) a second for this API key; retry in \(decision.retryAfterSeconds) s",
                retryAfterSeconds: decision.retryAfterSeconds))
        }
        decision.apply(to: &response.headers)
        return response
    }

    private static func rate(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
