import EaselCore
import EaselSQLite
import Hummingbird

/// Liveness and readiness for load balancers and orchestrators.
struct HealthController<Context: RequestContext>: Sendable {
    struct Status: Encodable, Sendable {
        var status: String
        var engines: [String]
    }

    let database: SQLiteDatabase
    let registry: ModelRegistry

    func addRoutes(to router: Router<Context>) {
        router.get("healthz") { _, _ in try JSONResponse.ok(Status(status: "ok", engines: [])) }
        router.get("readyz") { _, _ in
            try await database.ping()
            return try JSONResponse.ok(Status(status: "ready", engines: registry.engines.map(\.id)))
        }
    }
}
