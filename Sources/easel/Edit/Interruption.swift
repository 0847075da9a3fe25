import Foundation
import Synchronization
import UnixSignals

/// Ctrl-C (SIGINT) as an event `easel edit` handles instead of dying at once: a job it
/// started must be canceled on the server first. Once trapped, the signal no longer ends
/// the process by itself.
final class Interruption: Sendable {
    private struct State {
        var raised = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    /// Traps SIGINT from now on; a background task raises the flag when one arrives.
    static func trappingSIGINT() async -> Interruption {
        let interruption = Interruption()
        let signals = await UnixSignalsSequence(trapping: .sigint)
        Task {
            for await _ in signals { interruption.raise() }
        }
        return interruption
    }

    var isRaised: Bool { state.withLock { $0.raised } }

    func raise() {
        let waiters = state.withLock { state in
            state.raised = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        waiters.forEach { $0.resume() }
    }

    /// Runs `work` unless an interruption comes first: then `work` is cancelled and the
    /// answer is nil.
    func unlessInterrupted<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                await self.wait()
                return nil
            }
            defer { group.cancelAll() }
            let first = try await group.next() ?? nil
            return isRaised ? nil : first
        }
    }

    /// Returns once raised, or once the calling task is cancelled.
    private func wait() async {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state in
                    if state.raised || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
