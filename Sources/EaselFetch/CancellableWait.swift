import NIOCore
import Synchronization

/// Awaits an `EventLoopFuture` but returns as soon as the task is cancelled, leaving the work
/// behind. Used for blocking `getaddrinfo` calls, which cannot be interrupted: without this a
/// slow resolver would hold a fetch past its time limit.
final class CancellableWait<Value: Sendable>: Sendable {
    private enum State {
        case idle
        case waiting(CheckedContinuation<Value, any Error>)
        case cancelled
        case finished
    }

    private let state = Mutex<State>(.idle)

    private init() {}

    static func value(of future: EventLoopFuture<Value>) async throws -> Value {
        let wait = CancellableWait()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let alreadyCancelled = wait.state.withLock { state in
                    if case .cancelled = state { return true }
                    state = .waiting(continuation)
                    return false
                }
                if alreadyCancelled {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                future.whenComplete { result in
                    wait.take()?.resume(with: result)
                }
            }
        } onCancel: {
            wait.take(cancelling: true)?.resume(throwing: CancellationError())
        }
    }

    /// Hands out the continuation once, whoever comes first.
    private func take(cancelling: Bool = false) -> CheckedContinuation<Value, any Error>? {
        state.withLock { state in
            switch state {
            case .waiting(let continuation):
                state = .finished
                return continuation
            case .idle where cancelling:
                state = .cancelled
                return nil
            default:
                return nil
            }
        }
    }
}
