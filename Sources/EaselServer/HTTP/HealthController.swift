import EaselCore
import EaselEngines
import Hummingbird
import NIOCore

/// Liveness, readiness and metrics for load balancers, orchestrators and Prometheus.
struct HealthController<Context: RequestContext>: Sendable {
    struct Status: Encodable, Sendable {
        var status: String
        var engines: [String]
        var runner: RunnerView?
    }

    let stores: EaselStores
    let registry: ModelRegistry
    let metrics: EaselMetrics
    let runner: RunnerSupervisor?

    func addRoutes(to router: Router<Context>) {
        // Liveness: the process answers. It names the same engines as readiness, which also
        // checks the database and the runner.
        router.get("healthz") { _, _ in
            try JSONResponse.ok(Status(status: "ok", engines: registry.engines.map(\.id), runner: nil))
        }
        router.get("readyz") { _, _ in
            try await stores.ping()
            var runnerView: RunnerView?
            if let runner { runnerView = RunnerView(await runner.status) }
            return try JSONResponse.ok(Status(status: "ready", engines: registry.engines.map(\.id), runner: runnerView))
        }
        router.get("metrics") { _, _ in
            let restarts = if let runner { await runner.status.restarts } else { Int?.none }
            try await metrics.refresh(from: stores.jobs, runner: restarts)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }
}
