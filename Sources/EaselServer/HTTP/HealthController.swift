import EaselCore
import EaselSQLite
import Hummingbird
import NIOCore

/// Liveness, readiness and metrics for load balancers, orchestrators and Prometheus.
struct HealthController<Context: RequestContext>: Sendable {
    struct Status: Encodable, Sendable {
        var status: String
        var engines: [String]
    }

    let database: SQLiteDatabase
    let registry: ModelRegistry
    let metrics: EaselMetrics

    func addRoutes(to router: Router<Context>) {
        router.get("healthz") { _, _ in try JSONResponse.ok(Status(status: "ok", engines: [])) }
        router.get("readyz") { _, _ in
            try await database.ping()
            return try JSONResponse.ok(Status(status: "ready", engines: registry.engines.map(\.id)))
        }
        router.get("metrics") { _, _ in
            try await metrics.refresh(from: database.jobs)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }
}
