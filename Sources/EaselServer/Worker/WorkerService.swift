import EaselCore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Claims jobs from the store and runs them for as long as the process lives. On graceful
/// shutdown it stops claiming, lets running jobs finish within `shutdownGrace`, then cancels
/// them, which puts them back in the queue.
///
/// `claims` jobs are held at once: the runner's engine slots plus a few claimed ahead, which
/// fetch their inputs while the engine is busy (and keep a slow input host from holding an
/// engine slot). No key may hold more than `perKeyLimit` running jobs, in the whole store,
/// so one key's jobs cannot take every claim.
struct WorkerService: Service, CustomStringConvertible {
    let store: any JobStore
    let runner: JobRunner
    let running: RunningJobs
    let wake: WakeSignal
    let claims: Int
    let perKeyLimit: Int
    let leaseDuration: Duration
    let shutdownGrace: Duration
    /// How often an idle worker looks for jobs whose lease expired (crashed workers).
    let idlePoll: Duration
    let logger: Logger
    /// Identifies this process's claims; new on every start, so a restarted process never
    /// mistakes a dead predecessor's lease for its own.
    let owner = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(RandomToken.hex(bytes: 4))"

    var description: String { "WorkerService(claims: \(claims), perKeyLimit: \(perKeyLimit))" }

    func run() async throws {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for slot in 0..<claims {
                    group.addTask { await claimLoop(slot: slot) }
                }
                group.addTask { await reapLoop() }
            }
        } onGracefulShutdown: {
            logger.info("worker stopping: no new claims", metadata: ["grace": "\(shutdownGrace)"])
            wake.notify()
            Task {
                try? await Task.sleep(for: shutdownGrace)
                running.cancelAll()
            }
        }
        logger.info("worker stopped")
    }

    private var stopping: Bool { Task.isShuttingDownGracefully || Task.isCancelled }

    private func claimLoop(slot: Int) async {
        let owner = "\(self.owner)/\(slot)"
        while !stopping {
            do {
                if let claimed = try await store.claimNext(owner: owner, leaseDuration: leaseDuration, perKeyLimit: perKeyLimit) {
                    // Its own task, so that a cancel request can stop this job alone.
                    let task = Task { await runner.run(claimed, owner: owner) }
                    running.insert(task, jobID: claimed.id)
                    await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
                    running.remove(jobID: claimed.id)
                    continue
                }
            } catch {
                logger.error("claiming a job failed", metadata: ["error": "\(error)"])
            }
            await wake.wait(timeout: idlePoll)
        }
    }

    /// Fails jobs whose last allowed attempt died with its worker.
    private func reapLoop() async {
        while !stopping {
            do {
                for id in try await store.failAbandoned() {
                    logger.warning("job given up after its last attempt was interrupted", metadata: ["job": "\(id)"])
                }
            } catch {
                logger.error("reaping abandoned jobs failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: idlePoll)
        }
    }
}
