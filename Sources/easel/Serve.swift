import ArgumentParser
import EaselServer
import Foundation
import Hummingbird
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the API server and its worker.",
        discussion: """
            Settings are flags or EASEL_* environment variables (flags win):
              --host / EASEL_HOST                      address to bind (127.0.0.1)
              --port / EASEL_PORT                      port (8080)
              --data-dir / EASEL_DATA_DIR              database and results (./data)
              --public-url / EASEL_PUBLIC_URL          base of result URLs (http://HOST:PORT)
              --workers / EASEL_WORKERS                jobs edited at once (2)
              --prefetch                               jobs claimed ahead of a free worker, fetching
                                                       their inputs meanwhile (= --workers)
              --max-running-per-key                    running jobs one API key may have, counted in
                                                       the whole database (= --workers)
              --max-unfinished-per-key                 queued + running jobs one API key may have,
                                                       counted in the whole database; more: 429 (1000)
              --rate-limit-per-second (100), --rate-limit-burst (200)
                                                       requests of one API key, per process; 0 = off
              --key-cache-seconds                      authenticated keys kept in memory (5)
              --max-connections (512), --idle-timeout-seconds (30), --body-timeout-seconds (60)
              --lease-seconds / EASEL_LEASE_SECONDS    claim lifetime without heartbeat (30)
              --max-attempts / EASEL_MAX_ATTEMPTS      claims before a job is given up (3)
              --queue-limit / EASEL_QUEUE_LIMIT        waiting jobs before code 3000 (10000)
              --shutdown-grace-seconds                 time for running jobs after SIGTERM (20)
              --fetch-allow / EASEL_FETCH_ALLOW        CIDRs input fetches may reach despite
                                                       being loopback/private (none)
              --decode-memory-mib                      memory input decodes may hold at once (512)
              --fetch-max-bytes, --fetch-timeout-seconds, --max-input-pixels,
              --max-input-side, --max-body-bytes, --price-per-image (0.026), --log-level (info)

            Diffusion engine (Qwen-Image-Edit through runners/diffusers; docs/DIFFUSION.md):
              --diffusion-weights DIR                  a diffusers-format Qwen-Image-Edit, -2509 or
                                                       -2511 folder; serves the hosted model id with
                                                       it (easel/classic keeps the classic engine)
              --diffusion-python PATH                  runner interpreter
                                                       (runners/diffusers/.venv/bin/python)
              --diffusion-device auto|cpu|cuda, --diffusion-lora FILE, --diffusion-lora-steps N (8),
              --diffusion-compile, --diffusion-fp8, --diffusion-offload none|model|sequential,
              --diffusion-max-pixels, --diffusion-min-pixels, --diffusion-startup-seconds (900)
            """)

    @Argument(parsing: .allUnrecognized, help: "Settings, e.g. --port 8080 --data-dir ./data")
    var settings: [String] = []

    func run() async throws {
        let settings = try ServerSettings(arguments: self.settings)
        var logger = Logger(label: "easel")
        logger.logLevel = Logger.Level(rawValue: settings.logLevel) ?? .info
        // Before anything reads or writes it, so that the log says when it was readable.
        try settings.secureDataDirectory(logger: logger)
        let stores = try await settings.openStores(logger: logger)
        if let (key, secret) = try await InitialKey.createIfNone(keys: stores.keys) {
            let banner = InitialKey.banner(secret: secret, webhookSecret: key.webhookSecret, settings: settings)
            // On a terminal the operator reads it; anywhere else stdout is a log that others can
            // read, so the secrets go to a file only the service's user can read.
            let text = isatty(STDOUT_FILENO) == 1 ? banner : try InitialKey.save(banner, settings: settings)
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
        let app = try await EaselApplication.build(settings: settings, stores: stores, logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
