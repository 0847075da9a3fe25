import Hummingbird

/// Counts and times every request. Added first, so that it sees the status clients get
/// after errors became envelopes, and the router's route template rather than the raw path.
struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: HTTPMetrics

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        do {
            var response = try await next(request, context)
            let status = response.status, body = response.body
            // The clock stops when the body is written (or its writing failed), not when the
            // handler returns.
            response.body = ResponseBody(contentLength: body.contentLength) { [metrics] writer in
                defer {
                    metrics.record(
                        method: request.method, route: context.endpointPath, status: status,
                        duration: ContinuousClock.now - started)
                }
                try await body.write(writer)
            }
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            metrics.record(method: request.method, route: context.endpointPath, status: status, duration: ContinuousClock.now - started)
            throw error
        }
    }
}
