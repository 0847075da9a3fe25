import EaselPostgres
import Logging
import ServiceLifecycle

/// On PostgreSQL, empties this node's key cache when any node revokes a key. While the
/// listening connection is down, the cache's few seconds of lifetime bound how long a
/// revoked key keeps working here; the relay listens again after a pause.
struct KeyRevocationRelay: Service, CustomStringConvertible {
    let database: PostgresDatabase
    let logger: Logger
    var description: String { "KeyRevocationRelay" }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await database.relayRevocations()
                } catch is CancellationError {
                    return
                } catch {
                    guard !Task.isCancelled else { return }
                    logger.warning("key revocation notifications interrupted; listening again", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
    }
}
