import Synchronization

/// Bounds the memory that image decodes hold at once, across every job of the process: a
/// decode reserves its worst case (`Raster.decodeCost`) and waits, first come first served,
/// until that much of the budget is free. A decode larger than the whole budget runs alone.
/// Without it, a few jobs of huge interlaced PNGs decoding together would multiply the peak.
public final class DecodeBudget: Sendable {
    private struct State {
        var free: Int
        var nextTicket = 0
        var waiting: [(ticket: Int, bytes: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    }

    /// 512 MiB: two of the largest inputs the default caps allow (40 megapixels, 16-bit RGB
    /// interlaced PNG, 240 MB of samples each) at once.
    public static let defaultBytes = 512 * 1024 * 1024

    public let bytes: Int
    private let state: Mutex<State>

    public init(bytes: Int) {
        self.bytes = bytes
        state = Mutex(State(free: bytes))
    }

    /// Decodes waiting for room.
    public var waiting: Int { state.withLock { $0.waiting.count } }

    /// Runs `body` while `cost` bytes (at most the whole budget) are reserved for it.
    public func withReservation<T: Sendable>(_ cost: Int, _ body: () async throws -> T) async throws -> T {
        let reserved = min(max(cost, 0), bytes)
        try await reserve(reserved)
        defer { release(reserved) }
        return try await body()
    }

    private func reserve(_ amount: Int) async throws {
        let ticket = state.withLock { state in
            state.nextTicket += 1
            return state.nextTicket
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // Waiters are served in order: a large decode is not overtaken for ever by small ones.
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.waiting.isEmpty && state.free >= amount {
                        state.free -= amount
                        return .success(())
                    }
                    state.waiting.append((ticket, amount, continuation))
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

    private func release(_ amount: Int) {
        state.withLock { $0.free += amount }
        resumeWaiters()
    }

    private func resumeWaiters() {
        let ready = state.withLock { state in
            var ready: [CheckedContinuation<Void, any Error>] = []
            while let first = state.waiting.first, first.bytes <= state.free {
                state.free -= first.bytes
                ready.append(state.waiting.removeFirst().continuation)
            }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }
}
