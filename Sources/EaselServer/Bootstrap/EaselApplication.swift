import EaselAPI
import EaselCore
import EaselEngines
import EaselFetch
import EaselSQLite
import Foundation
import Hummingbird
import Logging

/// Wires the stores, engines, fetcher, routes and worker into one Hummingbird application.
/// `easel serve` runs it; tests run it on an ephemeral port.
public enum EaselApplication {
    public static func build(settings: ServerSettings, logger: Logger) async throws -> some ApplicationProtocol {
        let parts = try EaselComponents(settings: settings, logger: logger)
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: EnvelopeErrorMiddleware())
        JobController<BasicRequestContext>(
            store: parts.database.jobs, registry: parts.registry,
            authenticator: RequestAuthenticator(issuer: APIKeyIssuer(store: parts.database.keys)),
            views: JobViewBuilder(publicURL: settings.resolvedPublicURL), wake: parts.wake,
            maxBodyBytes: settings.maxBodyBytes, queueLimit: settings.queueLimit,
            maxAttempts: settings.maxAttempts
        ).addRoutes(to: router.group("api/v1"))
        FileController<BasicRequestContext>(blobs: parts.blobs).addRoutes(to: router)
        HealthController<BasicRequestContext>(database: parts.database, registry: parts.registry)
            .addRoutes(to: router)

        let worker = WorkerService(
            store: parts.database.jobs,
            runner: JobRunner(
                store: parts.database.jobs, blobs: parts.blobs, registry: parts.registry,
                inputs: FetchingInputLoader(fetcher: parts.fetcher),
                leaseDuration: settings.leaseDuration, logger: logger),
            wake: parts.wake, concurrency: settings.workers, leaseDuration: settings.leaseDuration,
            shutdownGrace: settings.shutdownGrace, idlePoll: .seconds(1), logger: logger)
        // Services stop in reverse order: the worker finishes before the fetcher closes.
        return Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "easel"),
            services: [FetcherLifecycle(fetcher: parts.fetcher), worker],
            logger: logger)
    }
}
