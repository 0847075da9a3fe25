import Synchronization

/// The tasks running jobs in this process, by job id, so that a cancel request stops its job
/// at once and shutdown can stop them all. (A job running on another node learns of its
/// cancellation at its next heartbeat instead.)
final class RunningJobs: Sendable {
    private let tasks = Mutex<[String: Task<Void, Never>]>([:])

    init() {}

    func insert(_ task: Task<Void, Never>, jobID: String) { tasks.withLock { $0[jobID] = task } }
    func remove(jobID: String) { _ = tasks.withLock { $0.removeValue(forKey: jobID) } }

    /// Cancels the job's task if it runs here.
    func cancel(jobID: String) { tasks.withLock { $0[jobID] }?.cancel() }

    func cancelAll() { tasks.withLock { Array($0.values) }.forEach { $0.cancel() } }
}
