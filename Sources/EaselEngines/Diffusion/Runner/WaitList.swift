import Synchronization

/// Tasks waiting for something, resumed first-in first-out or all at once; a waiter whose
/// task is cancelled leaves with `CancellationError`.
///
/// `wait` runs on the caller's actor up to the point where it parks, so an actor can check
/// its state and park in one step: no wake-up can slip in between.
final class WaitList<Value: Sendable>: Sendable {
    private struct State {
        var nextTicket = 0
        var parked: [(ticket: Int, continuation: CheckedContinuation<Value, any Error>)] = []
    }

    private let state = Mutex(State())

    func wait(isolation: isolated (any Actor)? = #isolation) async throws -> Value {
        let ticket = state.withLock { state in
            state.nextTicket += 1
            return state.nextTicket
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation(isolation: isolation) { continuation in
                // A cancel that came before parking found nothing to resume: honour it here.
                let cancelled = state.withLock { state in
                    if Task.isCancelled { return true }
                    state.parked.append((ticket, continuation))
                    return false
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let continuation = state.withLock { state in
                state.parked.firstIndex { $0.ticket == ticket }.map { state.parked.remove(at: $0).continuation }
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    var count: Int { state.withLock { $0.parked.count } }

    /// Resumes the longest waiter; false when nobody waits.
    func resumeFirst(with result: Result<Value, any Error>) -> Bool {
        let first = state.withLock { state in state.parked.isEmpty ? nil : state.parked.removeFirst().continuation }
        first?.resume(with: result)
        return first != nil
    }

    func resumeAll(with result: Result<Value, any Error>) {
        let all = state.withLock { state in
            defer { state.parked.removeAll() }
            return state.parked.map(\.continuation)
        }
        for continuation in all { continuation.resume(with: result) }
    }
}
