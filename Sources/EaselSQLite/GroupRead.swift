import GRDB
import Synchronization

/// Polls that arrive together share one trip to the poll connection: while one batch runs on
/// the connection's queue, the next gathers, and the loop runs them all before it returns. A
/// trip costs a thread wake-up, which costs more than the indexed read of a job itself;
/// batched, a poll under load pays a fraction of one. Reads run outside a transaction, each
/// on its own statement.
final class GroupRead: Sendable {
    private struct Waiter: Sendable {
        let run: @Sendable (Result<Database, any Error>) -> Void
    }

    private struct State {
        var waiting: [Waiter] = []
        var reading = false
    }

    private let reader: DatabaseQueue
    private let state = Mutex(State())

    init(reader: DatabaseQueue) {
        self.reader = reader
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
        reader.asyncUnsafeRead { database in
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
