import HTTPTypes
import Prometheus

/// Requests and their latency by method, route template and status. Labels come from
/// small sets only (the router's templates, a fixed list of methods), so that a client
/// cannot grow the series without bound by varying paths or methods.
final class HTTPMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private static let methods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete, .options]
    /// The route of requests no route matched.
    static let unmatched = "unmatched"

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// - Parameter route: the matched route's template (`/v1/files/{name}`), or nil.
    func record(method: HTTPRequest.Method, route: String?, status: HTTPResponse.Status, duration: Duration) {
        let labels = [
            ("method", Self.methods.contains(method) ? method.rawValue : "other"),
            ("route", route.flatMap { $0 == "NotFound" ? nil : $0 } ?? Self.unmatched),
            ("status", String(status.code)),
        ]
        registry.makeCounter(descriptor: .httpRequests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: .httpRequestDuration, labels: labels, buckets: MetricBuckets.http)
            .record(duration)
    }
}
