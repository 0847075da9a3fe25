import EaselAPI
import EaselPostgres
import Hummingbird
import Logging
import NIOCore

/// Turns every error — the API's own, Hummingbird's (unknown route, body too large) and
/// unexpected ones — into the JSON envelope with a non-zero `code`, so clients always get a
/// body they can parse.
struct EnvelopeErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteMethods

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return JSONResponse.error(error)
        } catch let error as HTTPError {
            if error.status == .notFound || error.status == .methodNotAllowed {
                return unrouted(request)
            }
            return JSONResponse.error(Self.map(error))
        } catch where DatabaseUnavailable.isConnectionFailure(error) {
            // Busy, not broken: clients of the hosted API retry on code 3000.
            context.logger.warning("database unavailable", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return JSONResponse.error(.busy("database: not reachable right now; retry later"))
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return JSONResponse.error(.internalError("internal error; the server log has the details"))
        }
    }

    /// No route took the request: 405 with `Allow` when the path exists with other methods,
    /// else 404.
    private func unrouted(_ request: Request) -> Response {
        let allowed = routes.methods(for: request.uri.path)
        guard !allowed.isEmpty else {
            return JSONResponse.error(.notFound("no such endpoint: \(request.method) \(request.uri.path)"))
        }
        let allow = RouteMethods.allowValue(allowed)
        var response = JSONResponse.error(
            .methodNotAllowed("\(request.method) is not allowed on \(request.uri.path); use \(allow)"))
        response.headers[.allow] = allow
        return response
    }

    private static func map(_ error: HTTPError) -> APIError {
        switch error.status {
        case .contentTooLarge: .malformedBody("body: too large for this endpoint")
        case .unauthorized: .unauthorized(error.body ?? "unauthorized")
        default: .malformedBody(error.body ?? "\(error.status)")
        }
    }
}
