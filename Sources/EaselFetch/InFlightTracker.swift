import Synchronization

/// Counts running fetches so that shutdown can refuse new ones and wait for the rest.
final class InFlightTracker: Sendable {
    private struct State {
        var isClosed = false
        var running = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Registers a fetch; `false` once closed.
    func enter() -> Bool {
        state.withLock { state in
            guard !state.isClosed else { return false }
            state.running += 1
            return true
        }
    }

    func leave() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.running -= 1
            guard state.running == 0 else { return [] }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Refuses new fetches and returns once the running ones have ended.
    func close() async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state -> Bool in
                state.isClosed = true
                guard state.running > 0 else { return true }
                state.waiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }
}
