import Hummingbird

/// Cross-origin access (the Fetch standard's CORS). Result files (`/v1/files/…`) are open to
/// every origin, without credentials. The API answers CORS, preflights included, only for
/// the origins of `policy`; for any other origin it adds nothing, so browsers keep it
/// same-origin. Errors get the headers too, or a page could not read why a call failed.
struct CORSMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: CORSPolicy
    let routes: RouteMethods

    static var filesPrefix: String { "/v1/files/" }

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let isFile = request.uri.path.hasPrefix(Self.filesPrefix)
        let origin = request.headers[.origin]
        let allowedOrigin = origin.flatMap { !isFile && policy.allows($0) ? $0 : nil }
        if request.method == .options, origin != nil, request.headers[.accessControlRequestMethod] != nil {
            if isFile { return Self.preflight(origin: "*", methods: "GET, HEAD", headers: Self.fileRequestHeaders, maxAge: 86_400) }
            let methods = routes.methods(for: request.uri.path)
            if let allowedOrigin, !methods.isEmpty {
                var response = Self.preflight(
                    origin: allowedOrigin, methods: RouteMethods.allowValue(methods), headers: Self.apiRequestHeaders, maxAge: 600)
                response.headers.addVary("Origin")
                return response
            }
            // Not for this origin (or no such path): the router answers, without CORS headers.
        }
        var response = try await next(request, context)
        if isFile {
            response.headers[.accessControlAllowOrigin] = "*"
            response.headers[.accessControlExposeHeaders] = "Accept-Ranges, Content-Range, ETag, X-Request-Id"
        } else if !policy.isSameOrigin {
            // The answer depends on Origin once any origin is allowed: caches must know.
            response.headers.addVary("Origin")
            if let allowedOrigin {
                response.headers[.accessControlAllowOrigin] = allowedOrigin
                response.headers[.accessControlExposeHeaders] = Self.apiExposedHeaders
            }
        }
        return response
    }

    private static var fileRequestHeaders: String { "Range, If-Range, If-None-Match, If-Modified-Since" }
    private static var apiRequestHeaders: String { "Authorization, Content-Type, Idempotency-Key, X-Request-Id" }
    private static var apiExposedHeaders: String { "Idempotent-Replayed, Retry-After, WWW-Authenticate, X-Request-Id" }

    private static func preflight(origin: String, methods: String, headers: String, maxAge: Int) -> Response {
        Response(status: .noContent, headers: [
            .accessControlAllowOrigin: origin, .accessControlAllowMethods: methods,
            .accessControlAllowHeaders: headers, .accessControlMaxAge: String(maxAge),
        ])
    }
}
