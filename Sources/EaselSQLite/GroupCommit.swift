import GRDB
import Synchronization

/// Writes of one kind that arrive together share one transaction, and so one fsync: while a
/// batch commits, the next one gathers. Each write runs in a savepoint of its own, so one
/// that throws is rolled back alone and its caller gets the error while the others commit.
/// Every caller is answered after the commit, never before: an answered write is durable.
final class GroupCommit<Item: Sendable, Output: Sendable>: Sendable {
    typealias Write = @Sendable (Database, Item) throws -> Output

    private struct Waiter {
        let item: Item
        let continuation: CheckedContinuation<Output, any Error>
    }

    private struct State {
        var waiting: [Waiter] = []
        var committing = false
        /// Writes in the batch being committed.
        var inBatch = 0
    }

    private let pool: DatabasePool
    private let maxBatch: Int
    private let write: Write
    private let state = Mutex(State())

    init(pool: DatabasePool, maxBatch: Int = 128, write: @escaping Write) {
        self.pool = pool
        self.maxBatch = maxBatch
        self.write = write
    }

    /// Writes submitted and not yet answered.
    var pending: Int { state.withLock { $0.waiting.count + $0.inBatch } }

    func submit(_ item: Item) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            let leads = state.withLock { state in
                state.waiting.append(Waiter(item: item, continuation: continuation))
                guard !state.committing else { return false }
                state.committing = true
                return true
            }
            // The first writer to find nothing committing starts the loop; later ones join
            // the batch it gathers next.
            if leads { Task { await self.commitUntilIdle() } }
        }
    }

    private func commitUntilIdle() async {
        while true {
            let batch = state.withLock { state -> [Waiter] in
                let batch = Array(state.waiting.prefix(maxBatch))
                state.waiting.removeFirst(batch.count)
                state.inBatch = batch.count
                if batch.isEmpty { state.committing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            await commit(batch)
        }
    }

    private func commit(_ batch: [Waiter]) async {
        let write = write
        do {
            let outputs = try await pool.write { db in
                batch.map { waiter in
                    Result { () throws -> Output in
                        var output: Output?
                        try db.inSavepoint {
                            output = try write(db, waiter.item)
                            return .commit
                        }
                        guard let output else { throw GroupCommitLost() }
                        return output
                    }
                }
            }
            for (waiter, output) in zip(batch, outputs) { waiter.continuation.resume(with: output) }
        } catch {
            // The transaction did not commit: no write of the batch happened.
            for waiter in batch { waiter.continuation.resume(throwing: error) }
        }
    }
}

/// A savepoint that committed without its write's output: cannot happen.
struct GroupCommitLost: Error {}
