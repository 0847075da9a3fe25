import Synchronization

/// A counting semaphore for tasks: `withPermits` suspends (never blocks a thread) until the
/// permits it asks for are free. Waiters are served first come first served, so a large
/// request is not overtaken for ever by small ones; one asking for more than there are runs
/// alone. A waiter whose task is cancelled leaves with `CancellationError`, taking nothing.
public final class AsyncSemaphore: Sendable {
    private struct State {
        var free: Int
        var nextTicket = 0
        var waiting: [(ticket: Int, count: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    }

    public let permits: Int
    private let state: Mutex<State>

    public init(permits: Int) {
        self.permits = permits
        state = Mutex(State(free: permits))
    }

    /// Tasks waiting for permits.
    public var waiting: Int { state.withLock { $0.waiting.count } }

    /// Runs `body` holding `count` permits (at most all of them).
    public func withPermits<T: Sendable>(_ count: Int = 1, _ body: () async throws -> T) async throws -> T {
        let taken = min(max(count, 0), permits)
        try await acquire(taken)
        defer { release(taken) }
        return try await body()
    }

    private func acquire(_ count: Int) async throws {
        let ticket = state.withLock { state in
            state.nextTicket += 1
            return state.nextTicket
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // Checking for room and parking happen under one lock, so a release can never
                // slip in between and be lost.
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.waiting.isEmpty && state.free >= count {
                        state.free -= count
                        return .success(())
                    }
                    state.waiting.append((ticket, count, continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let continuation = state.withLock { state in
                state.waiting.firstIndex { $0.ticket == ticket }.map { state.waiting.remove(at: $0).continuation }
            }
            continuation?.resume(throwing: CancellationError())
            // A waiter leaving may let the ones behind it start.
            self.resumeWaiters()
        }
    }

    private func release(_ count: Int) {
        state.withLock { $0.free += count }
        resumeWaiters()
    }

    private func resumeWaiters() {
        let ready = state.withLock { state in
            var ready: [CheckedContinuation<Void, any Error>] = []
            while let first = state.waiting.first, first.count <= state.free {
                state.free -= first.count
                ready.append(state.waiting.removeFirst().continuation)
            }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }
}
