import Synchronization

/// The tasks running jobs right now, so that shutdown can cancel them.
final class InFlightJobs: Sendable {
    private let tasks = Mutex<[Int: Task<Void, Never>]>([:])

    func insert(_ task: Task<Void, Never>, slot: Int) { tasks.withLock { $0[slot] = task } }
    func remove(slot: Int) { _ = tasks.withLock { $0.removeValue(forKey: slot) } }
    func cancelAll() { tasks.withLock { $0.values.forEach { $0.cancel() } } }
}
