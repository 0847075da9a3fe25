import Hummingbird

/// Authenticates every request of the routes it guards (`Authorization: Bearer KEY`) and
/// puts the key in the context; a request without a valid key ends here with 401.
struct APIKeyMiddleware<Context: APIKeyRequestContext>: RouterMiddleware {
    let authenticator: RequestAuthenticator

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.apiKey = try await authenticator.key(for: request)
        return try await next(request, context)
    }
}
