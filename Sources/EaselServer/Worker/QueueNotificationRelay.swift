import EaselPostgres
import Logging
import ServiceLifecycle

/// On PostgreSQL, turns other nodes' notifications into this worker's events: a job queued
/// anywhere wakes the idle claim loops, and a cancel requested anywhere stops the job here
/// at once if this process runs it. Polling (`idlePoll`, heartbeats) still covers anything a
/// lost connection missed; the relay listens again after a pause.
struct QueueNotificationRelay: Service, CustomStringConvertible {
    let database: PostgresDatabase
    let wake: WakeSignal
    let running: RunningJobs
    let logger: Logger
    var description: String { "QueueNotificationRelay" }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await database.listen { event in
                        switch event {
                        case .jobQueued: wake.notify()
                        case .cancelRequested(let jobID): running.cancel(jobID: jobID)
                        }
                    }
                } catch is CancellationError {
                    return
                } catch {
                    guard !Task.isCancelled else { return }
                    logger.warning("queue notifications interrupted; listening again", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
    }
}
