import Prometheus
import Synchronization

/// Prometheus' standard `process_*` metrics, refreshed from /proc at each scrape.
final class ProcessMetrics: Sendable {
    private let resident: Gauge
    private let virtual: Gauge
    private let cpu: Counter
    private let openFiles: Gauge
    private let maxFiles: Gauge
    private let startTime: Gauge
    /// CPU seconds already added to `cpu`: a counter only moves up, by what was used since.
    private let counted = Mutex(0.0)

    init(registry: PrometheusCollectorRegistry) {
        resident = registry.makeGauge(descriptor: .residentMemory)
        virtual = registry.makeGauge(descriptor: .virtualMemory)
        cpu = registry.makeCounter(descriptor: .cpuSeconds)
        openFiles = registry.makeGauge(descriptor: .openFileDescriptors)
        maxFiles = registry.makeGauge(descriptor: .maxFileDescriptors)
        startTime = registry.makeGauge(descriptor: .startTime)
    }

    func update(_ stats: ProcessStats) {
        resident.set(stats.residentBytes)
        virtual.set(stats.virtualBytes)
        openFiles.set(stats.openFileDescriptors)
        maxFiles.set(stats.maxFileDescriptors)
        startTime.set(stats.startTime)
        let added = counted.withLock { counted in
            defer { counted = max(counted, stats.cpuSeconds) }
            return max(0, stats.cpuSeconds - counted)
        }
        if added > 0 { cpu.increment(by: added) }
    }
}
