import EaselEngines
import Prometheus
import Synchronization

/// The diffusion runners, one series per runner labelled with its index and device (two CPU
/// runners share a device name): restarts, readiness, and whether it runs an edit. The
/// supervisors count restarts; each scrape adds what they counted since the last one, so the
/// metric stays a counter. Without the diffusion engine there are no runner series.
final class RunnerMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    /// Restarts already added, by runner index.
    private let counted = Mutex<[Int: Int]>([:])

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    func observe(_ statuses: [RunnerStatus]) {
        for (index, status) in statuses.enumerated() {
            let labels = [("runner", String(index)), ("device", status.device.description)]
            let added = counted.withLock { counted in
                defer { counted[index] = max(counted[index] ?? 0, status.restarts) }
                return max(0, status.restarts - (counted[index] ?? 0))
            }
            // Made on every scrape: the registry hands back the same series for the same labels.
            let restarts = registry.makeCounter(descriptor: .runnerRestarts, labels: labels)
            if added > 0 { restarts.increment(by: Int64(added)) }
            registry.makeGauge(descriptor: .runnerReady, labels: labels).set(Int64(status.ready == nil ? 0 : 1))
            registry.makeGauge(descriptor: .runnerBusy, labels: labels).set(Int64(status.currentJob == nil ? 0 : 1))
        }
    }
}
