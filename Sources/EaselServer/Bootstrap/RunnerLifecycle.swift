import EaselEngines
import ServiceLifecycle

/// Stops the diffusion runner when the server shuts down. Listed before the worker, so it
/// stops after it: jobs released at the end of the grace period no longer need the runner.
struct RunnerLifecycle: Service {
    let supervisor: RunnerSupervisor

    func run() async throws {
        try? await gracefulShutdown()
        await supervisor.stop()
    }
}
