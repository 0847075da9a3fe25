import EaselAPI
import EaselCore
import EaselEngines
import EaselFetch
import EaselImaging
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// Wires the stores, engines, fetcher, routes and background services into one Hummingbird
/// application. `easel serve` runs it; tests run it on an ephemeral port.
public enum EaselApplication {
    /// - Parameter stores: the stores, when the caller opened them already (`easel serve`
    ///   does, to create the first key, after securing the data directory); else the data
    ///   directory is secured and the stores are opened from `settings`.
    /// - Parameter onListening: called with the public base URL once the socket is bound
    ///   (with `--port 0`, the first moment the URL is known).
    public static func build(
        settings asked: ServerSettings, stores given: EaselStores? = nil, logger: Logger,
        onListening: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        let stores: EaselStores
        if let given {
            stores = given
        } else {
            try asked.secureDataDirectory(logger: logger)
            stores = try await asked.openStores(logger: logger)
        }
        let decodeBudget = asked.makeDecodeBudget()
        let diffusion = asked.role.runsJobs
            ? try await startDiffusion(settings: asked, decodeBudget: decodeBudget, logger: logger) : nil
        let settings = oneWorkerPerRunner(asked, runners: diffusion?.runnerCount ?? 0, logger: logger)
        let parts = try EaselComponents(
            settings: settings, stores: stores, logger: logger, diffusion: diffusion, decodeBudget: decodeBudget)
        let base = PublicBaseURL(settings: settings)
        let views = JobViewBuilder(base: base)
        let running = RunningJobs()
        let router = makeRouter(settings: settings, parts: parts, views: views, running: running, runner: diffusion?.pool)
        // Services stop in reverse order: the worker, then the runner it used, then the
        // dispatcher (callbacks still due then are sent by the next start: the outbox keeps
        // them), then the fetcher they use, then the stores everything used.
        var services: [any Service] = [StoresLifecycle(stores: stores), FetcherLifecycle(fetcher: parts.fetcher)]
        if settings.role.servesAPI, let postgres = stores.postgres {
            services.append(KeyRevocationRelay(database: postgres, logger: logger))
        }
        if settings.role.runsJobs {
            if let postgres = stores.postgres {
                services.append(QueueNotificationRelay(database: postgres, wake: parts.wake, running: running, logger: logger))
            }
            services += workerServices(settings: settings, parts: parts, views: views, running: running, logger: logger)
            if let diffusion { services.insert(RunnerLifecycle(pool: diffusion.pool), at: services.count - 1) }
        }
        logger.info("easel serving", metadata: ["role": "\(settings.role.rawValue)", "store": "\(stores.location)"])
        let bodyTimeout = TimeAmount(settings.bodyTimeout)
        return Application(
            router: router,
            server: .http1(configuration: .init(
                additionalChannelHandlers: [MalformedRequestAnswer(), RequestBodyDeadline(timeout: bodyTimeout)],
                idleTimeout: TimeAmount(settings.idleTimeout))),
            configuration: .init(
                address: .hostname(settings.host, port: settings.port), serverName: "easel",
                availableConnectionsDelegate: MaximumAvailableConnections(settings.maxConnections, logger: logger)),
            services: services,
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                base.bound(port: port)
                // So that `easel jobs show` on this data directory prints URLs that work.
                let url = base.url
                let file = settings.announcedURLFile
                do {
                    try await BlockingExecutor.shared.run { try Data(url.utf8).write(to: file, options: .atomic) }
                } catch {
                    logger.warning("could not record the public URL", metadata: ["file": "\(file.path)", "error": "\(error)"])
                }
                await onListening(url)
                // Printed last and whatever the log level: with --port 0 this is how a caller
                // learns the port, and what the start wrote is in place by then.
                FileHandle.standardOutput.write(Data("easel listening on \(settings.host):\(port)\n".utf8))
            },
            logger: logger)
    }

    /// At least one worker per diffusion runner: with fewer, some devices would sit idle
    /// (see docs/DIFFUSION.md).
    private static func oneWorkerPerRunner(_ asked: ServerSettings, runners: Int, logger: Logger) -> ServerSettings {
        guard runners > asked.workers else { return asked }
        logger.info("one worker per diffusion runner", metadata: ["workers": "\(runners)", "asked": "\(asked.workers)"])
        var settings = asked
        settings.workers = runners
        return settings
    }

    /// Starts the diffusion runners (one per device) when a weights folder is configured, and
    /// waits for them.
    /// - Throws: `DiffusionStartupError` saying what is wrong, so the server refuses to start.
    private static func startDiffusion(
        settings: ServerSettings, decodeBudget: DecodeBudget, logger: Logger
    ) async throws -> DiffusionEngine? {
        do {
            guard let configurations = try await settings.diffusion.runnerConfigurations(scratch: settings.runnerScratchDirectory)
            else { return nil }
            logger.info("starting the diffusion runners", metadata: [
                "weights": "\(settings.diffusion.weights ?? "")",
                "devices": "\(configurations.map(\.device.description).joined(separator: ","))",
            ])
            return try await DiffusionEngine.start(
                configurations: configurations,
                limits: ImagingLimits(maxPixels: settings.maxInputPixels, maxDimension: settings.maxInputSide),
                logger: logger, decodeBudget: decodeBudget)
        } catch let failure as RunnerFailure {
            throw DiffusionStartupError(settings: settings.diffusion, failure: failure)
        }
    }

    /// The services of a process that runs jobs: janitor, callback dispatcher and worker, in
    /// that order (the worker stops first).
    private static func workerServices(
        settings: ServerSettings, parts: EaselComponents, views: JobViewBuilder, running: RunningJobs, logger: Logger
    ) -> [any Service] {
        let stores = parts.stores
        let worker = WorkerService(
            store: stores.jobs,
            runner: JobRunner(
                store: stores.jobs, blobs: stores.blobs, registry: parts.registry,
                inputs: FetchingInputLoader(
                    fetcher: parts.fetcher, blobs: stores.blobs, index: stores.blobIndex,
                    base: views.base),
                engineSlots: AsyncSemaphore(permits: settings.workers),
                leaseDuration: settings.leaseDuration, metrics: parts.metrics, logger: logger),
            running: running, wake: parts.wake, claims: settings.workers + settings.resolvedPrefetch,
            perKeyLimit: settings.resolvedMaxRunningPerKey,
            leaseDuration: settings.leaseDuration, shutdownGrace: settings.shutdownGrace,
            idlePoll: .seconds(1), logger: logger)
        let dispatcher = CallbackDispatcher(
            callbacks: stores.callbacks, jobs: stores.jobs, views: views,
            fetcher: parts.fetcher, schedule: settings.callbackSchedule,
            attemptTimeout: settings.callbackTimeout, concurrency: 4, poll: .milliseconds(500),
            metrics: parts.metrics, logger: logger)
        let janitor = BlobJanitor(
            blobs: stores.blobs, index: stores.blobIndex, interval: settings.janitorInterval,
            orphanAge: .seconds(3600), logger: logger)
        return [janitor, dispatcher, worker]
    }

    /// "METHOD /path" for every route of a process of `settings.role`, as the OpenAPI
    /// document must list them.
    public static func routeTable(settings: ServerSettings, logger: Logger) async throws -> [String] {
        let stores = try await settings.openStores(logger: logger)
        let parts = try EaselComponents(settings: settings, stores: stores, logger: logger)
        let router = makeRouter(
            settings: settings, parts: parts, views: JobViewBuilder(base: PublicBaseURL(settings: settings)),
            running: RunningJobs(), runner: nil)
        await stores.close()
        return router.routes.map { "\($0.method) \($0.path)" }.sorted()
    }

    /// The API's routes and the web playground (not on a worker), and health, readiness and
    /// metrics (everywhere).
    private static func makeRouter(
        settings: ServerSettings, parts: EaselComponents, views: JobViewBuilder, running: RunningJobs,
        runner: RunnerPool?
    ) -> Router<EaselRequestContext> {
        // HEAD is answered wherever GET is, with the same headers and no body.
        let router = Router(context: EaselRequestContext.self, options: .autoGenerateHeadEndpoints)
        let routes = RouteMethods()
        // Outermost first: every answer, errors and preflights included, has its request id,
        // and CORS headers; compression sees the error envelopes too.
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: HTTPMetricsMiddleware(metrics: parts.metrics.http))
        router.add(middleware: CORSMiddleware(policy: settings.cors, routes: routes))
        router.add(middleware: CompressionMiddleware(executor: .shared))
        router.add(middleware: EnvelopeErrorMiddleware(routes: routes))
        let stores = parts.stores
        if settings.role.servesAPI {
            let cache = APIKeyCache(revocations: stores.keys.revocations, lifetime: settings.keyCacheLifetime)
            let authenticator = RequestAuthenticator(issuer: APIKeyIssuer(store: stores.keys, cache: cache))
            // The API's routes: the key is resolved once, by middleware, then rate-limited.
            let api = router.group("api/v1").add(middleware: APIKeyMiddleware(authenticator: authenticator))
            if settings.rateLimitPerSecond > 0 {
                api.add(middleware: RateLimitMiddleware(limiter: RateLimiter(
                    requestsPerSecond: settings.rateLimitPerSecond, burst: settings.rateLimitBurst)))
            }
            let jobs = JobController<EaselRequestContext>(
                store: stores.jobs, registry: parts.registry,
                views: views, wake: parts.wake, running: running, maxBodyBytes: settings.maxBodyBytes,
                queueLimit: settings.queueLimit, unfinishedPerKey: settings.maxUnfinishedPerKey,
                maxAttempts: settings.maxAttempts
            )
            jobs.addRoutes(to: api)
            let keeper = UploadKeeper(
                blobs: stores.blobs, index: stores.blobIndex, publicURL: views.base, maxBytes: settings.fetchMaxBytes,
                limits: parts.imagingLimits, retention: settings.retention, executor: .shared)
            UploadController<EaselRequestContext>(keeper: keeper).addRoutes(to: api)
            ModelsController<EaselRequestContext>(registry: parts.registry).addRoutes(to: api)
            OpenAIImagesController<EaselRequestContext>(
                jobs: jobs, authenticator: authenticator, keeper: keeper, blobs: stores.blobs,
                maxBodyBytes: settings.maxBodyBytes
            ).addRoutes(to: router)
            FileController<EaselRequestContext>(blobs: stores.blobs, index: stores.blobIndex).addRoutes(to: router)
            OpenAPIController<EaselRequestContext>(publicURL: views.base).addRoutes(to: router)
            PlaygroundController<EaselRequestContext>().addRoutes(to: router)
        }
        HealthController<EaselRequestContext>(
            stores: stores, registry: parts.registry, metrics: parts.metrics, runner: runner)
            .addRoutes(to: router)
        routes.learn(router)
        return router
    }
}
