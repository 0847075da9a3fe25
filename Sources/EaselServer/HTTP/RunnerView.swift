import EaselEngines

/// The diffusion runner in `/readyz`: whether its model is loaded, what loading applied, how
/// often it was restarted, while starts keep failing the pause before the next one, and how
/// its last edit ended.
struct RunnerView: Encodable, Sendable {
    /// What the runner applied at load, as it read it back from the model: `fp8` names the
    /// method (`torchao` or `layerwise`) and is null without FP8.
    struct Options: Encodable, Sendable {
        var lora: Bool
        var compile: Bool
        var fp8: String?
        var offload: String

        init(_ options: RunnerReady.Options) {
            lora = options.lora
            compile = options.compile
            fp8 = options.fp8 ? options.fp8Method ?? "unknown" : nil
            offload = options.offload
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(lora, forKey: .lora)
            try container.encode(compile, forKey: .compile)
            try container.encode(fp8, forKey: .fp8)  // null when off, rather than absent
            try container.encode(offload, forKey: .offload)
        }

        enum CodingKeys: String, CodingKey { case lora, compile, fp8, offload }
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

    var ready: Bool
    var pid: Int32?
    var variant: String?
    var device: String?
    var dtype: String?
    var options: Options?
    var restarts: Int
    var lastFailure: String?
    var restartPauseSeconds: Int64?
    var lastJob: LastJob?

    init(_ status: RunnerStatus) {
        ready = status.ready != nil
        pid = status.ready?.pid
        variant = status.ready?.variant
        device = status.ready?.device
        dtype = status.ready?.dtype
        options = status.ready.map { Options($0.options) }
        restarts = status.restarts
        lastFailure = status.lastFailure
        restartPauseSeconds = status.restartPause?.components.seconds
        lastJob = status.lastJob.map(LastJob.init)
    }

    enum CodingKeys: String, CodingKey {
        case ready, pid, variant, device, dtype, options, restarts
        case lastFailure = "last_failure", restartPauseSeconds = "restart_pause_seconds", lastJob = "last_job"
    }
}
