import CoreMetrics
import EaselAPI
import EaselCore
import Foundation
import Prometheus

/// The service's metrics, created once per application through swift-metrics and exposed in
/// Prometheus text format at `/metrics`. Each application has its own registry (not the
/// process-wide bootstrap), so several can run in one process, as the tests do.
final class EaselMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let jobsByStatus: [JobStatus: CoreMetrics.Gauge]
    private let queueDepth: CoreMetrics.Gauge
    private let finished: [String: CoreMetrics.Counter]
    private let callbacks: [String: CoreMetrics.Counter]
    private let fetchFailures: CoreMetrics.Counter
    private let engineSeconds: [String: CoreMetrics.Timer]

    init(engines: [String]) {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        let factory = PrometheusMetricsFactory(registry: registry)
        self.factory = factory
        jobsByStatus = Dictionary(uniqueKeysWithValues: JobStatus.allCases.map {
            ($0, CoreMetrics.Gauge(label: "easel_jobs", dimensions: [("status", $0.name)], factory: factory))
        })
        queueDepth = CoreMetrics.Gauge(label: "easel_queue_depth", factory: factory)
        finished = Dictionary(uniqueKeysWithValues: ["succeeded", "failed", "canceled"].map {
            ($0, CoreMetrics.Counter(label: "easel_jobs_finished_total", dimensions: [("outcome", $0)], factory: factory))
        })
        callbacks = Dictionary(uniqueKeysWithValues: ["delivered", "retry", "gave_up"].map {
            ($0, CoreMetrics.Counter(label: "easel_callback_attempts_total", dimensions: [("outcome", $0)], factory: factory))
        })
        fetchFailures = CoreMetrics.Counter(label: "easel_input_fetch_failures_total", factory: factory)
        engineSeconds = Dictionary(uniqueKeysWithValues: engines.map {
            ($0, CoreMetrics.Timer(label: "easel_engine_duration_seconds", dimensions: [("engine", $0)], factory: factory))
        })
    }

    /// Refreshes the gauges that are read from the store at scrape time.
    func refresh(from store: any JobStore) async throws {
        let counts = try await store.statusCounts()
        for (status, gauge) in jobsByStatus { gauge.record(counts[status] ?? 0) }
        queueDepth.record(try await store.queueDepth())
    }

    func jobFinished(_ outcome: String) { finished[outcome]?.increment() }
    func inputFetchFailed() { fetchFailures.increment() }

    func engineRan(_ engine: String, for duration: Duration) {
        let nanoseconds = duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
        engineSeconds[engine]?.recordNanoseconds(nanoseconds)
    }

    func callbackAttempt(_ result: CallbackAttemptResult) {
        switch result {
        case .delivered: callbacks["delivered"]?.increment()
        case .retry: callbacks["retry"]?.increment()
        case .gaveUp: callbacks["gave_up"]?.increment()
        }
    }

    func exposition() -> String { registry.emitToString() }
}
