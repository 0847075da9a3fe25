import Synchronization

/// Wakes idle workers when a job is enqueued, so a new job starts at once instead of at the
/// next poll. A notification with nobody waiting is remembered for the next waiter.
final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    init() {}

    /// Wakes every waiting worker (or the next one to wait).
    func notify() {
        let waiters = state.withLock { state in
            let waiting = state.waiters
            state.waiters = [:]
            if waiting.isEmpty { state.pending = true }
            return waiting
        }
        for continuation in waiters.values { continuation.resume() }
    }

    /// Returns on the next notification, after `timeout`, or on cancellation.
    func wait(timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForNotification() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForNotification() async {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending {
                        state.pending = false
                        return true
                    }
                    if Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLock { $0.waiters.removeValue(forKey: id) }
            continuation?.resume()
        }
    }
}
