/// Every setting `easel serve` reads, in the order its help lists them. The one table behind
/// reading (`SettingSource` takes only these), `easel serve --help` and the error for a
/// misspelled flag, so that the three cannot drift apart.
public enum Setting: String, CaseIterable, Sendable {
    case host
    case port
    case dataDir = "data.dir"
    case databaseURL = "database.url"
    case role
    case publicURL = "public.url"
    case workers
    case prefetch
    case maxRunningPerKey = "max.running.per.key"
    case maxUnfinishedPerKey = "max.unfinished.per.key"
    case rateLimitPerSecond = "rate.limit.per.second"
    case rateLimitBurst = "rate.limit.burst"
    case keyCacheSeconds = "key.cache.seconds"
    case maxAttempts = "max.attempts"
    case leaseSeconds = "lease.seconds"
    case queueLimit = "queue.limit"
    case shutdownGraceSeconds = "shutdown.grace.seconds"
    case maxConnections = "max.connections"
    case idleTimeoutSeconds = "idle.timeout.seconds"
    case bodyTimeoutSeconds = "body.timeout.seconds"
    case maxBodyBytes = "max.body.bytes"
    case corsOrigins = "cors.origins"
    case fetchAllow = "fetch.allow"
    case fetchMaxBytes = "fetch.max.bytes"
    case fetchTimeoutSeconds = "fetch.timeout.seconds"
    case maxInputPixels = "max.input.pixels"
    case maxInputSide = "max.input.side"
    case decodeMemoryMiB = "decode.memory.mib"
    case retentionSeconds = "retention.seconds"
    case janitorIntervalSeconds = "janitor.interval.seconds"
    case callbackSchedule = "callback.schedule"
    case callbackTimeoutSeconds = "callback.timeout.seconds"
    case pricePerImage = "price.per.image"
    case logLevel = "log.level"
    case diffusionWeights = "diffusion.weights"
    case diffusionPython = "diffusion.python"
    case diffusionDevices = "diffusion.devices"
    case diffusionLora = "diffusion.lora"
    case diffusionLoraSteps = "diffusion.lora.steps"
    case diffusionCompile = "diffusion.compile"
    case diffusionFP8 = "diffusion.fp8"
    case diffusionOffload = "diffusion.offload"
    case diffusionCache = "diffusion.cache"
    case diffusionMaxPixels = "diffusion.max.pixels"
    case diffusionMinPixels = "diffusion.min.pixels"
    case diffusionStartupSeconds = "diffusion.startup.seconds"
    case diffusionCancelSeconds = "diffusion.cancel.seconds"

    /// `--data-dir`.
    public var flag: String { "--" + rawValue.replacingOccurrences(of: ".", with: "-") }
    /// `EASEL_DATA_DIR`.
    public var variable: String { "EASEL_" + rawValue.replacingOccurrences(of: ".", with: "_").uppercased() }
}
