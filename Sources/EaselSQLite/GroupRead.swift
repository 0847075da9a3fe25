import GRDB
import Synchronization

/// Polls that arrive together share one trip to a reader connection: while one batch runs on
/// the reader's queue, the next gathers, and the loop runs them all before it gives the
/// reader back. A trip costs two thread wake-ups (GRDB's reader pool, then the reader's
/// queue), which cost more than the indexed read of a job itself; batched, a poll under load
/// pays a fraction of one. Reads run outside a transaction, each on its own statement.
final class GroupRead: Sendable {
    private struct Waiter: Sendable {
        let run: @Sendable (Result<Database, any Error>) -> Void
    }

    private struct State {
        var waiting: [Waiter] = []
        var reading = false
    }

    private let pool: DatabasePool
    private let state = Mutex(State())

    init(pool: DatabasePool) {
        self.pool = pool
    }

    func read<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let waiter = Waiter { database in
                continuation.resume(with: Result { try work(database.get()) })
            }
            let leads = state.withLock { state in
                state.waiting.append(waiter)
                guard !state.reading else { return false }
                state.reading = true
                return true
            }
            if leads { readUntilIdle() }
        }
    }

    private func readUntilIdle() {
        pool.asyncUnsafeRead { database in
            while true {
                let batch = self.state.withLock { state -> [Waiter] in
                    let batch = state.waiting
                    state.waiting.removeAll(keepingCapacity: true)
                    if batch.isEmpty { state.reading = false }
                    return batch
                }
                guard !batch.isEmpty else { return }
                for waiter in batch { waiter.run(database) }
            }
        }
    }
}
