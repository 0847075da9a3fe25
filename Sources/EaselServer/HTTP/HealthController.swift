import EaselCore
import EaselEngines
import Hummingbird
import NIOCore

/// Liveness, readiness and metrics for load balancers, orchestrators and Prometheus.
struct HealthController<Context: RequestContext>: Sendable {
    struct Status: Encodable, Sendable {
        var status: String
        var engines: [String]
        /// The first runner, as before there were several; `runners` lists them all.
        var runner: RunnerView?
        var runners: [RunnerView]?
    }

    let stores: EaselStores
    let registry: ModelRegistry
    let metrics: EaselMetrics
    let runner: RunnerPool?

    func addRoutes(to router: Router<Context>) {
        // Liveness: the process answers. It names the same engines as readiness, which also
        // checks the database and the runner.
        router.get("healthz") { _, _ in
            try JSONResponse.ok(Status(status: "ok", engines: registry.engines.map(\.id), runner: nil, runners: nil))
        }
        router.get("readyz") { _, _ in
            try await stores.ping()
            let views: [RunnerView]? = if let runner { await runner.statuses.map(RunnerView.init) } else { nil }
            return try JSONResponse.ok(Status(
                status: "ready", engines: registry.engines.map(\.id), runner: views?.first, runners: views))
        }
        router.get("metrics") { _, _ in
            let runners: [RunnerStatus] = if let runner { await runner.statuses } else { [] }
            try await metrics.refresh(from: stores.jobs, runners: runners)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }
}
