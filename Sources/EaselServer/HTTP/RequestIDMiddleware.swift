import Hummingbird
import Logging

/// Names every request (`RequestID`): the client's `X-Request-Id` when it is a short plain
/// token (so that a proxy's or a caller's id follows the request through), else a fresh one.
/// The id is answered on every response, errors included, and carried by every log line of
/// the request (as `hb.request.id`, the key Hummingbird already uses for its own id).
/// Every answer also says `X-Content-Type-Options: nosniff`: a JSON error that echoes a
/// client's text must never be sniffed into HTML by a browser.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let id = request.headers[.xRequestID].flatMap(RequestID.accepted) ?? RequestID.fresh()
        var context = context
        context.logger[metadataKey: "hb.request.id"] = .string(id)
        var response = try await next(request, context)
        response.headers[.xRequestID] = id
        if response.headers[.xContentTypeOptions] == nil { response.headers[.xContentTypeOptions] = "nosniff" }
        return response
    }
}
