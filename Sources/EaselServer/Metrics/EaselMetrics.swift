import EaselAPI
import EaselCore
import EaselEngines
import EaselImaging
import Foundation
import Prometheus

/// The service's metrics, created once per application and exposed in Prometheus text
/// format at `/metrics`, each with its help text (`MetricNameDescriptor+Easel.swift`). Each application has its own registry (not
/// a process-wide one), so several can run in one process, as the tests do.
final class EaselMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    let http: HTTPMetrics
    let runner: RunnerMetrics
    /// Linux only: elsewhere there is no /proc to read them from.
    private let process: ProcessMetrics?
    private let jobsByStatus: [JobStatus: Gauge]
    private let queueDepth: Gauge
    private let fetchFailures: Counter

    init(engines: [String]) {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        http = HTTPMetrics(registry: registry)
        runner = RunnerMetrics(registry: registry)
        #if os(Linux)
        process = ProcessMetrics(registry: registry)
        #else
        process = nil
        #endif
        jobsByStatus = Dictionary(uniqueKeysWithValues: JobStatus.allCases.map {
            ($0, registry.makeGauge(descriptor: .jobs, labels: [("status", $0.name)]))
        })
        queueDepth = registry.makeGauge(descriptor: .queueDepth)
        fetchFailures = registry.makeCounter(descriptor: .inputFetchFailures)
        registry.makeGauge(
            descriptor: .buildInfo, labels: [("version", EaselVersion.current), ("libvips", ImagingRuntime.libvipsVersion)]
        ).set(to: 1)
        // Every series a dashboard plots from the start, at zero until something happens.
        for outcome in ["succeeded", "failed", "canceled"] { finished(outcome) }
        for outcome in ["delivered", "retry", "gave_up"] { callbackAttempts(outcome) }
        for engine in engines {
            _ = engineDuration(engine)
            _ = queueWait(engine)
            _ = jobDuration(engine)
        }
    }

    /// Refreshes what is read at scrape time: the store's counts, the runners' state and
    /// the process' figures.
    func refresh(from store: any JobStore, runners: [RunnerStatus]) async throws {
        let counts = try await store.statusCounts()
        for (status, gauge) in jobsByStatus { gauge.set(Int64(counts[status] ?? 0)) }
        queueDepth.set(Int64(try await store.queueDepth()))
        runner.observe(runners)
        if let process, let stats = try await BlockingExecutor.shared.run({ ProcessStats.read() }) { process.update(stats) }
    }

    /// A claimed job is about to run; its first claim ends its wait in the queue.
    func jobStarted(_ job: Job) {
        guard job.attempts == 1, let started = job.startedAt else { return }
        queueWait(job.engine).record(Duration.seconds(max(0, started.timeIntervalSince(job.createdAt))))
    }

    /// A job this worker ran reached `outcome` (succeeded, failed or canceled).
    func jobFinished(_ outcome: String, _ job: Job) {
        finished(outcome).increment()
        jobDuration(job.engine).record(Duration.seconds(max(0, Date().timeIntervalSince(job.createdAt))))
    }

    func jobFailed(_ job: Job, code: JobErrorCode) {
        jobFinished("failed", job)
        registry.makeCounter(descriptor: .jobFailures, labels: [("code", code.rawValue)]).increment()
        if code == .inputFetchFailed { fetchFailures.increment() }
    }

    func engineRan(_ engine: String, for duration: Duration) {
        engineDuration(engine).record(duration)
    }

    func callbackAttempt(_ result: CallbackAttemptResult) {
        switch result {
        case .delivered: callbackAttempts("delivered").increment()
        case .retry: callbackAttempts("retry").increment()
        case .gaveUp: callbackAttempts("gave_up").increment()
        }
    }

    func exposition() -> String { registry.emitToString() }

    // The registry hands back the same metric for the same name and labels.
    @discardableResult
    private func finished(_ outcome: String) -> Counter {
        registry.makeCounter(descriptor: .jobsFinished, labels: [("outcome", outcome)])
    }

    @discardableResult
    private func callbackAttempts(_ outcome: String) -> Counter {
        registry.makeCounter(descriptor: .callbackAttempts, labels: [("outcome", outcome)])
    }

    private func engineDuration(_ engine: String) -> DurationHistogram {
        registry.makeDurationHistogram(descriptor: .engineDuration, labels: [("engine", engine)], buckets: MetricBuckets.engine)
    }

    private func queueWait(_ engine: String) -> DurationHistogram {
        registry.makeDurationHistogram(descriptor: .queueWait, labels: [("engine", engine)], buckets: MetricBuckets.queueWait)
    }

    private func jobDuration(_ engine: String) -> DurationHistogram {
        registry.makeDurationHistogram(descriptor: .jobDuration, labels: [("engine", engine)], buckets: MetricBuckets.job)
    }
}
