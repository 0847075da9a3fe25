import EaselCore
import EaselEngines
import Foundation

/// Everything `easel serve` can be told. Each setting has a default that runs out of the box;
/// `ServerSettings+Reading.swift` reads them from flags and the environment.
public struct ServerSettings: Sendable {
    /// Address to bind. Loopback by default: exposing the API is an explicit choice.
    public var host = "127.0.0.1"
    public var port = 8080
    /// Holds `easel.sqlite` and `blobs/` (without a database URL), the runner's scratch
    /// folders and the first key's file.
    public var dataDirectory = "./data"
    /// `postgres://…`: every store on that PostgreSQL database instead of SQLite, so that
    /// several processes (on several machines) share one queue.
    public var databaseURL: String?
    /// What this process does: everything, the API only, or the worker only.
    public var role = ServerRole.all
    /// Base of the result URLs handed to clients; defaults to `http://<host>:<port>`.
    public var publicURL: String?
    /// Jobs edited at once by this process's worker (engine slots).
    public var workers = 2
    /// Jobs claimed ahead of a free engine slot, fetching their inputs meanwhile; nil means
    /// as many as `workers`.
    public var prefetch: Int?
    /// Running jobs one API key may have at once, counted in the whole database; nil means
    /// as many as `workers`. Keeps one key's jobs (slow inputs, say) from taking every claim.
    public var maxRunningPerKey: Int?
    /// Queued and running jobs one API key may have at once, counted in the whole database;
    /// a create beyond it answers 429 (code 3002).
    public var maxUnfinishedPerKey = 1000
    /// Requests a second one API key may make on average (a token bucket per key, per
    /// process); 0 turns rate limiting off. A request beyond it answers 429 (code 3001).
    public var rateLimitPerSecond: Double = 100
    /// Requests one API key may make at once after being idle (the bucket's size).
    public var rateLimitBurst = 200
    /// How long an authenticated key is kept in memory. A revocation made on this machine's
    /// data directory, or announced by PostgreSQL, empties the cache at once; this bounds how
    /// long one that nothing announced (a lost notification) takes to be seen.
    public var keyCacheLifetime = APIKeyCache.defaultLifetime
    /// Open connections at once; further ones wait in the kernel's queue until one closes.
    public var maxConnections = 512
    /// A connection that sends nothing (no request, or a request head that never completes)
    /// for this long is closed.
    public var idleTimeout: Duration = .seconds(30)
    /// A request body must arrive whole within this long after its head.
    public var bodyTimeout: Duration = .seconds(60)
    /// How long a claim lasts without a heartbeat before another worker may take the job.
    public var leaseDuration: Duration = .seconds(30)
    /// Claims a job gets before it fails with `attempts_exhausted`.
    public var maxAttempts = 3
    /// Jobs waiting beyond this make create answer code 3000 (busy, retry later).
    public var queueLimit = 10_000
    /// Largest create body (data: URLs are inline, so this is generous).
    public var maxBodyBytes = 48 * 1024 * 1024
    /// How long in-flight jobs may run on after SIGTERM before they are put back in the queue.
    public var shutdownGrace: Duration = .seconds(20)
    /// CIDR ranges that input fetches may reach although they are loopback/private/…
    public var fetchAllow: [String] = []
    public var fetchMaxBytes = 20 * 1024 * 1024
    public var fetchTimeout: Duration = .seconds(20)
    /// Largest input image, in pixels and per side, checked before decoding.
    public var maxInputPixels = 40_000_000
    public var maxInputSide = 16_384
    /// Memory that input decodes of all jobs may hold at once, in MiB (each decode reserves
    /// its worst case from the header; see `DecodeBudget`).
    public var decodeMemoryMiB = DecodeBudget.defaultBytes / (1024 * 1024)
    /// Price per image of the hosted API's model, as an exact decimal string.
    public var pricePerImage = ModelRegistry.seedPrice
    /// How long uploads and result images are kept before their URLs answer 410.
    public var retention: Duration = .seconds(24 * 3600)
    /// Delays between callback attempts (default: 8 attempts over about 27 hours).
    public var callbackSchedule = RetrySchedule.default
    /// Time one callback attempt may take.
    public var callbackTimeout: Duration = .seconds(10)
    /// How often expired files are swept and due callbacks looked for.
    public var janitorInterval: Duration = .seconds(60)
    /// Web origins whose pages may call the API (CORS); none by default. Result files are
    /// open to every origin regardless.
    public var cors = CORSPolicy.sameOrigin
    /// A swift-log level name; checked when read.
    public var logLevel = "info"
    /// The Qwen-Image-Edit engine; off until a weights folder is named.
    public var diffusion = DiffusionSettings()

    public init() {}

    public var resolvedPrefetch: Int { prefetch ?? workers }
    /// One budget for every engine of the process.
    public func makeDecodeBudget() -> DecodeBudget { DecodeBudget(bytes: decodeMemoryMiB * 1024 * 1024) }
    public var resolvedMaxRunningPerKey: Int { maxRunningPerKey ?? workers }

    public var dataDirectoryURL: URL { URL(fileURLWithPath: dataDirectory, isDirectory: true) }
    public var databasePath: String { dataDirectoryURL.appendingPathComponent("easel.sqlite").path }
    public var blobDirectory: URL { dataDirectoryURL.appendingPathComponent("blobs", isDirectory: true) }
    /// Per-job folders for the images exchanged with the diffusion runner.
    public var runnerScratchDirectory: URL { dataDirectoryURL.appendingPathComponent("runner", isDirectory: true) }

    /// Where `easel serve` records the base URL it serves under, for the commands that print
    /// result URLs without a server.
    public var announcedURLFile: URL { dataDirectoryURL.appendingPathComponent("public-url") }

    /// The base URL results are served under, without a trailing slash.
    public var resolvedPublicURL: String {
        let base = publicURL ?? "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)"
        return base.hasSuffix("/") ? String(base.dropLast()) : base
    }
}
