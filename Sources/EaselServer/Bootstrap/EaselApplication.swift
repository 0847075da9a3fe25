import EaselAPI
import EaselCore
import EaselEngines
import EaselFetch
import EaselImaging
import EaselSQLite
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// Wires the stores, engines, fetcher, routes and background services into one Hummingbird
/// application. `easel serve` runs it; tests run it on an ephemeral port.
public enum EaselApplication {
    public static func build(settings: ServerSettings, logger: Logger) async throws -> some ApplicationProtocol {
        let decodeBudget = settings.makeDecodeBudget()
        let diffusion = try await startDiffusion(settings: settings, decodeBudget: decodeBudget, logger: logger)
        let parts = try EaselComponents(settings: settings, logger: logger, diffusion: diffusion, decodeBudget: decodeBudget)
        let views = JobViewBuilder(publicURL: settings.resolvedPublicURL)
        let authenticator = RequestAuthenticator(issuer: APIKeyIssuer(store: parts.database.keys))
        let running = RunningJobs()

        let router = makeRouter(
            settings: settings, parts: parts, views: views, authenticator: authenticator, running: running,
            runner: diffusion?.supervisor)
        let worker = WorkerService(
            store: parts.database.jobs,
            runner: JobRunner(
                store: parts.database.jobs, blobs: parts.blobs, registry: parts.registry,
                inputs: FetchingInputLoader(
                    fetcher: parts.fetcher, blobs: parts.blobs, index: parts.database.blobIndex,
                    uploadPrefix: settings.resolvedPublicURL + "/v1/files/"),
                engineSlots: AsyncSemaphore(permits: settings.workers),
                leaseDuration: settings.leaseDuration, metrics: parts.metrics, logger: logger),
            running: running, wake: parts.wake, claims: settings.workers + settings.resolvedPrefetch,
            perKeyLimit: settings.resolvedMaxRunningPerKey,
            leaseDuration: settings.leaseDuration, shutdownGrace: settings.shutdownGrace,
            idlePoll: .seconds(1), logger: logger)
        let dispatcher = CallbackDispatcher(
            callbacks: parts.database.callbacks, jobs: parts.database.jobs, views: views,
            fetcher: parts.fetcher, schedule: settings.callbackSchedule,
            attemptTimeout: settings.callbackTimeout, concurrency: 4, poll: .milliseconds(500),
            metrics: parts.metrics, logger: logger)
        let janitor = BlobJanitor(
            blobs: parts.blobs, index: parts.database.blobIndex, interval: settings.janitorInterval,
            orphanAge: .seconds(3600), logger: logger)
        // Services stop in reverse order: the worker, then the runner it used, then the
        // dispatcher (callbacks still due then are sent by the next start: the outbox keeps
        // them), then the fetcher they use.
        var services: [any Service] = [FetcherLifecycle(fetcher: parts.fetcher), janitor, dispatcher]
        if let diffusion { services.append(RunnerLifecycle(supervisor: diffusion.supervisor)) }
        services.append(worker)
        let bodyTimeout = TimeAmount(settings.bodyTimeout)
        return Application(
            router: router,
            server: .http1(configuration: .init(
                additionalChannelHandlers: [RequestBodyDeadline(timeout: bodyTimeout)],
                idleTimeout: TimeAmount(settings.idleTimeout))),
            configuration: .init(
                address: .hostname(settings.host, port: settings.port), serverName: "easel",
                availableConnectionsDelegate: MaximumAvailableConnections(settings.maxConnections, logger: logger)),
            services: services,
            logger: logger)
    }

    /// Starts the diffusion runner when a weights folder is configured, and waits for it.
    /// - Throws: `DiffusionStartupError` saying what is wrong, so the server refuses to start.
    private static func startDiffusion(
        settings: ServerSettings, decodeBudget: DecodeBudget, logger: Logger
    ) async throws -> DiffusionEngine? {
        guard let configuration = settings.diffusion.runnerConfiguration(scratch: settings.runnerScratchDirectory) else {
            return nil
        }
        logger.info("starting the diffusion runner", metadata: ["weights": "\(configuration.weights)"])
        do {
            return try await DiffusionEngine.start(
                configuration: configuration,
                limits: ImagingLimits(maxPixels: settings.maxInputPixels, maxDimension: settings.maxInputSide),
                logger: logger, decodeBudget: decodeBudget)
        } catch let failure as RunnerFailure {
            throw DiffusionStartupError(settings: settings.diffusion, failure: failure)
        }
    }

    /// "METHOD /path" for every route, as the OpenAPI document must list them.
    public static func routeTable(settings: ServerSettings, logger: Logger) throws -> [String] {
        let parts = try EaselComponents(settings: settings, logger: logger)
        let router = makeRouter(
            settings: settings, parts: parts, views: JobViewBuilder(publicURL: settings.resolvedPublicURL),
            authenticator: RequestAuthenticator(issuer: APIKeyIssuer(store: parts.database.keys)), running: RunningJobs(),
            runner: nil)
        return router.routes.map { "\($0.method) \($0.path)" }.sorted()
    }

    private static func makeRouter(
        settings: ServerSettings, parts: EaselComponents, views: JobViewBuilder,
        authenticator: RequestAuthenticator, running: RunningJobs, runner: RunnerSupervisor?
    ) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: EnvelopeErrorMiddleware())
        let api = router.group("api/v1")
        JobController<BasicRequestContext>(
            store: parts.database.jobs, registry: parts.registry, authenticator: authenticator,
            views: views, wake: parts.wake, running: running, maxBodyBytes: settings.maxBodyBytes,
            queueLimit: settings.queueLimit, maxAttempts: settings.maxAttempts
        ).addRoutes(to: api)
        UploadController<BasicRequestContext>(
            blobs: parts.blobs, index: parts.database.blobIndex, authenticator: authenticator,
            publicURL: settings.resolvedPublicURL, maxBytes: settings.fetchMaxBytes,
            limits: parts.imagingLimits, retention: settings.retention, executor: .shared
        ).addRoutes(to: api)
        FileController<BasicRequestContext>(blobs: parts.blobs, index: parts.database.blobIndex).addRoutes(to: router)
        HealthController<BasicRequestContext>(
            database: parts.database, registry: parts.registry, metrics: parts.metrics, runner: runner)
            .addRoutes(to: router)
        OpenAPIController<BasicRequestContext>().addRoutes(to: router)

        return router
    }
}
