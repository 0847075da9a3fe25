import Synchronization

/// A gate that handlers of the test servers wait at while it is closed: what a stalled image
/// host or callback receiver looks like, without a timer.
final class Gate: Sendable {
    private struct State {
        var isClosed = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func close() { state.withLock { $0.isClosed = true } }

    func open() {
        let waiting = state.withLock { state in
            state.isClosed = false
            defer { state.waiting = [] }
            return state.waiting
        }
        waiting.forEach { $0.resume() }
    }

    /// Returns at once while open; otherwise when `open()` is called.
    func pass() async {
        await withCheckedContinuation { continuation in
            let wait = state.withLock { state in
                if state.isClosed { state.waiting.append(continuation) }
                return state.isClosed
            }
            if !wait { continuation.resume() }
        }
    }
}
