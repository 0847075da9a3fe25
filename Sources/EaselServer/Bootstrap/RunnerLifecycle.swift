import EaselEngines
import ServiceLifecycle

/// Stops the diffusion runners when the server shuts down. Listed before the worker, so it
/// stops after it: jobs released at the end of the grace period no longer need the runners.
struct RunnerLifecycle: Service {
    let pool: RunnerPool

    func run() async throws {
        try? await gracefulShutdown()
        await pool.stop()
    }
}
