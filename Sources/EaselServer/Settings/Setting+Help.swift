extension Setting {
    /// How `--help` describes a setting: what its value looks like, what it does, and its
    /// default (nil where there is none or it is derived, as the text then says).
    public struct Description: Sendable {
        public let value: String?
        public let text: String
        public let byDefault: String?
    }

    public enum Section: String, CaseIterable, Sendable {
        case server = "Server"
        case jobs = "Jobs and queue"
        case connections = "Connections and inputs"
        case files = "Files and callbacks"
        case diffusion = "Diffusion engine (Qwen-Image-Edit; docs/DIFFUSION.md)"
    }

    public var section: Section {
        switch self {
        case .host, .port, .dataDir, .databaseURL, .role, .publicURL, .logLevel: .server
        case .workers, .prefetch, .maxRunningPerKey, .maxUnfinishedPerKey, .maxAttempts, .leaseSeconds, .queueLimit, .shutdownGraceSeconds,
             .pricePerImage: .jobs
        case .rateLimitPerSecond, .rateLimitBurst, .keyCacheSeconds: .connections
        case .maxConnections, .idleTimeoutSeconds, .bodyTimeoutSeconds, .maxBodyBytes, .corsOrigins, .fetchAllow, .fetchMaxBytes,
             .fetchTimeoutSeconds, .maxInputPixels, .maxInputSide, .decodeMemoryMiB: .connections
        case .retentionSeconds, .janitorIntervalSeconds, .callbackSchedule, .callbackTimeoutSeconds: .files
        case .diffusionWeights, .diffusionPython, .diffusionDevices, .diffusionLora, .diffusionLoraSteps,
             .diffusionCompile, .diffusionFP8, .diffusionOffload, .diffusionCache, .diffusionMaxPixels, .diffusionMinPixels,
             .diffusionStartupSeconds, .diffusionCancelSeconds: .diffusion
        }
    }

    // The defaults are read from a default `ServerSettings`, so that help cannot state a
    // default the code does not have.
    public var description: Description {
        let base = ServerSettings()
        switch self {
        case .host: return .init(value: "ADDRESS", text: "Address to bind; 0.0.0.0 exposes the API.", byDefault: base.host)
        case .port: return .init(value: "PORT", text: "Port; 0 takes a free one, printed at start.", byDefault: String(base.port))
        case .dataDir: return .init(value: "DIR", text: "Database, results and the runner's scratch folders.", byDefault: base.dataDirectory)
        case .databaseURL:
            return .init(value: "URL", text: "postgres://USER:PASSWORD@HOST:PORT/DB: every store on PostgreSQL, shared by many nodes.", byDefault: nil)
        case .role: return .init(value: "all|api|worker", text: "Serve the API, run jobs, or both.", byDefault: base.role.rawValue)
        case .publicURL: return .init(value: "URL", text: "Base of the URLs handed out (default http://HOST:PORT).", byDefault: nil)
        case .logLevel: return .init(value: "LEVEL", text: "trace, debug, info, notice, warning, error or critical.", byDefault: base.logLevel)
        case .workers: return .init(value: "N", text: "Jobs edited at once.", byDefault: String(base.workers))
        case .prefetch: return .init(value: "N", text: "Jobs claimed ahead of a free worker, fetching their inputs (default: --workers).", byDefault: nil)
        case .maxRunningPerKey:
            return .init(value: "N", text: "Running jobs one key may have, counted over every node (default: --workers).", byDefault: nil)
        case .maxUnfinishedPerKey:
            return .init(value: "N", text: "Queued and running jobs one key may have over every node; more answer 429 (code 3002).",
                         byDefault: String(base.maxUnfinishedPerKey))
        case .rateLimitPerSecond:
            return .init(value: "RATE", text: "Requests a second one key may make, per process; more answer 429 (code 3001); 0 turns it off.",
                         byDefault: SettingSource.plain(base.rateLimitPerSecond))
        case .rateLimitBurst:
            return .init(value: "N", text: "Requests one key may make at once before the rate applies.", byDefault: String(base.rateLimitBurst))
        case .keyCacheSeconds:
            return .init(value: "S", text: "How long an authenticated key is remembered; a revocation clears it at once.",
                         byDefault: Self.seconds(base.keyCacheLifetime))
        case .maxAttempts: return .init(value: "N", text: "Claims a job gets before it fails.", byDefault: String(base.maxAttempts))
        case .leaseSeconds: return .init(value: "S", text: "Claim lifetime without a heartbeat.", byDefault: Self.seconds(base.leaseDuration))
        case .queueLimit: return .init(value: "N", text: "Waiting jobs before create answers busy (code 3000).", byDefault: String(base.queueLimit))
        case .shutdownGraceSeconds:
            return .init(value: "S", text: "Time running jobs get after SIGTERM before they are requeued.", byDefault: Self.seconds(base.shutdownGrace))
        case .pricePerImage: return .init(value: "DECIMAL", text: "Amount charged per image.", byDefault: base.pricePerImage.description)
        case .maxConnections:
            return .init(value: "N", text: "Open connections at once; more wait in the kernel's queue.", byDefault: String(base.maxConnections))
        case .idleTimeoutSeconds:
            return .init(value: "S", text: "A connection silent this long is closed.", byDefault: Self.seconds(base.idleTimeout))
        case .bodyTimeoutSeconds:
            return .init(value: "S", text: "A request body must arrive whole within this.", byDefault: Self.seconds(base.bodyTimeout))
        case .maxBodyBytes: return .init(value: "BYTES", text: "Largest create body.", byDefault: String(base.maxBodyBytes))
        case .corsOrigins:
            return .init(value: "ORIGIN,…", text: "Web origins whose pages may call the API (result files are open to all).",
                         byDefault: nil)
        case .fetchAllow:
            return .init(value: "CIDR,…", text: "Loopback/private ranges that input fetches may reach anyway.", byDefault: nil)
        case .fetchMaxBytes: return .init(value: "BYTES", text: "Largest input image or upload.", byDefault: String(base.fetchMaxBytes))
        case .fetchTimeoutSeconds: return .init(value: "S", text: "Time one input fetch may take.", byDefault: Self.seconds(base.fetchTimeout))
        case .maxInputPixels: return .init(value: "N", text: "Largest input image in pixels.", byDefault: String(base.maxInputPixels))
        case .maxInputSide: return .init(value: "N", text: "Longest input side in pixels.", byDefault: String(base.maxInputSide))
        case .decodeMemoryMiB:
            return .init(value: "MIB", text: "Memory that input decodes may hold at once.", byDefault: String(base.decodeMemoryMiB))
        case .retentionSeconds:
            return .init(value: "S", text: "How long uploads and results are kept.", byDefault: Self.seconds(base.retention))
        case .janitorIntervalSeconds:
            return .init(value: "S", text: "How often expired files are swept.", byDefault: Self.seconds(base.janitorInterval))
        case .callbackSchedule:
            return .init(value: "S,S,…", text: "Delays between callback attempts.",
                         byDefault: base.callbackSchedule.delays.map { Self.seconds($0) }.joined(separator: ","))
        case .callbackTimeoutSeconds:
            return .init(value: "S", text: "Time one callback attempt may take.", byDefault: Self.seconds(base.callbackTimeout))
        case .diffusionWeights:
            return .init(value: "DIR", text: "A diffusers Qwen-Image-Edit folder: serves the hosted model id with it.", byDefault: nil)
        case .diffusionPython: return .init(value: "PATH", text: "The runner's interpreter.", byDefault: base.diffusion.python)
        case .diffusionDevices:
            return .init(value: "auto|cuda:0,cuda:1,…|cpu,…", text: "One runner per device; auto: every GPU the runner sees, else one CPU runner.",
                         byDefault: base.diffusion.devices.description)
        case .diffusionLora: return .init(value: "FILE", text: "Lightning-style LoRA weights (few steps, no CFG).", byDefault: nil)
        case .diffusionLoraSteps: return .init(value: "N", text: "Steps with the LoRA.", byDefault: String(base.diffusion.loraSteps))
        case .diffusionCompile: return .init(value: nil, text: "torch.compile the transformer.", byDefault: nil)
        case .diffusionFP8: return .init(value: nil, text: "FP8 weights for the transformer.", byDefault: nil)
        case .diffusionOffload:
            return .init(value: "none|model|sequential", text: "Keep weights in host memory until used.",
                         byDefault: base.diffusion.offload.rawValue)
        case .diffusionCache:
            return .init(value: "METHOD:THRESHOLD", text: "Step caching, e.g. first-block:0.08 (skips blocks on steps that change little).",
                         byDefault: "off")
        case .diffusionMaxPixels: return .init(value: "N", text: "Largest generation size in pixels.", byDefault: nil)
        case .diffusionMinPixels: return .init(value: "N", text: "Smallest generation size in pixels.", byDefault: nil)
        case .diffusionStartupSeconds:
            return .init(value: "S", text: "Time the runner may take to load.", byDefault: Self.seconds(base.diffusion.startupTimeout))
        case .diffusionCancelSeconds:
            return .init(value: "S", text: "Time the runner may take to confirm a cancel before it is restarted.",
                         byDefault: Self.seconds(base.diffusion.cancelGrace))
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        SettingSource.plain(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
