/// Histogram bucket bounds, in seconds, sized to what each histogram measures.
enum MetricBuckets {
    /// One engine run: classic edits take milliseconds, diffusion edits 20–40 s on a GPU and
    /// minutes on a CPU.
    static let engine: [Duration] = seconds([0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 45, 60, 90, 120])
    /// From create to the first claim: near zero when idle, minutes behind a long queue.
    static let queueWait: [Duration] = seconds([0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600])
    /// From create to the end, whatever the outcome: fetching, queueing and editing together.
    static let job: [Duration] = seconds([0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 45, 60, 90, 120, 300, 600, 1800, 3600])
    /// One HTTP request, until its body is written.
    static let http: [Duration] = seconds([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30])

    private static func seconds(_ bounds: [Double]) -> [Duration] {
        bounds.map { Duration.milliseconds(Int64(($0 * 1000).rounded())) }
    }
}
