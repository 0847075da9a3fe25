import HTTPTypes
import Prometheus
import Synchronization

/// Requests and their latency by method, route template and status. Labels come from
/// small sets only (the router's templates, a fixed list of methods), so that a client
/// cannot grow the series without bound by varying paths or methods.
final class HTTPMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private static let methods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete, .options]
    /// The route of requests no route matched.
    static let unmatched = "unmatched"
    /// Each series' counter and histogram, once made: the registry builds and looks up its
    /// label strings under a lock on every `make`, which every request paid for.
    private let series = Mutex<[Series: (counter: Counter, duration: DurationHistogram)]>([:])

    private struct Series: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// - Parameter route: the matched route's template (`/v1/files/{name}`), or nil.
    func record(method: HTTPRequest.Method, route: String?, status: HTTPResponse.Status, duration: Duration) {
        let key = Series(
            method: Self.methods.contains(method) ? method.rawValue : "other",
            route: route.flatMap { $0 == "NotFound" ? nil : $0 } ?? Self.unmatched,
            status: status.code)
        let metrics = series.withLock { series in
            if let known = series[key] { return known }
            let labels = [("method", key.method), ("route", key.route), ("status", String(key.status))]
            let made = (
                counter: registry.makeCounter(descriptor: .httpRequests, labels: labels),
                duration: registry.makeDurationHistogram(
                    descriptor: .httpRequestDuration, labels: labels, buckets: MetricBuckets.http))
            series[key] = made
            return made
        }
        metrics.counter.increment()
        metrics.duration.record(duration)
    }
}
