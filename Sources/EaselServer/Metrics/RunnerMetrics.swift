import Prometheus
import Synchronization

/// Restarts of the diffusion runner. The supervisor counts them; each scrape adds what it
/// counted since the last one, so the metric stays a counter.
final class RunnerMetrics: Sendable {
    private let restarts: Counter
    private let counted = Mutex(0)

    init(registry: PrometheusCollectorRegistry) {
        restarts = registry.makeCounter(descriptor: .runnerRestarts)
    }

    /// - Parameter total: the supervisor's count since this process started.
    func observe(restarts total: Int) {
        let added = counted.withLock { counted in
            defer { counted = max(counted, total) }
            return max(0, total - counted)
        }
        if added > 0 { restarts.increment(by: Int64(added)) }
    }
}
