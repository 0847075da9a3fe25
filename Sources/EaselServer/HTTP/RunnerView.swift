import EaselEngines

/// A diffusion runner in `/readyz`: the device it owns, whether its model is loaded, what
/// loading applied, how often it was restarted, while starts keep failing the pause before
/// the next one, the edit it runs now and how its last edit ended.
struct RunnerView: Encodable, Sendable {
    /// What the runner applied at load, as it read it back from the model: `fp8` names the
    /// method (`torchao` or `layerwise`) and is null without FP8.
    struct Options: Encodable, Sendable {
        var lora: Bool
        var compile: Bool
        var fp8: String?
        var offload: String
        /// The step caching the runner reported (`first-block:0.08`); null when off or when
        /// the runner does not say.
        var cache: String?

        init(_ ready: RunnerReady) {
            lora = ready.options.lora
            compile = ready.options.compile
            fp8 = ready.options.fp8 ? ready.options.fp8Method ?? "unknown" : nil
            offload = ready.options.offload
            cache = ready.cache
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(lora, forKey: .lora)
            try container.encode(compile, forKey: .compile)
            try container.encode(fp8, forKey: .fp8)  // null when off, rather than absent
            try container.encode(offload, forKey: .offload)
            try container.encode(cache, forKey: .cache)
        }

        enum CodingKeys: String, CodingKey { case lora, compile, fp8, offload, cache }
    }

    /// How the runner ended its last edit and the step it reached.
    struct LastJob: Encodable, Sendable {
        var id: String
        var outcome: String
        var step: Int
        var steps: Int

        init(_ summary: RunnerJobSummary) {
            id = summary.id
            outcome = summary.outcome.rawValue
            step = summary.step
            steps = summary.steps
        }
    }

    /// The device the runner owns (`cpu`, `cuda:1`), known before it is ready.
    var device: String
    var ready: Bool
    var pid: Int32?
    var variant: String?
    var dtype: String?
    var options: Options?
    var restarts: Int
    var lastFailure: String?
    var restartPauseSeconds: Int64?
    var currentJob: String?
    var lastJob: LastJob?

    init(_ status: RunnerStatus) {
        device = status.device.description
        ready = status.ready != nil
        pid = status.ready?.pid
        variant = status.ready?.variant
        dtype = status.ready?.dtype
        options = status.ready.map(Options.init)
        restarts = status.restarts
        lastFailure = status.lastFailure
        restartPauseSeconds = status.restartPause?.components.seconds
        currentJob = status.currentJob
        lastJob = status.lastJob.map(LastJob.init)
    }

    enum CodingKeys: String, CodingKey {
        case ready, pid, variant, device, dtype, options, restarts
        case lastFailure = "last_failure", restartPauseSeconds = "restart_pause_seconds", lastJob = "last_job"
        case currentJob = "current_job"
    }
}
