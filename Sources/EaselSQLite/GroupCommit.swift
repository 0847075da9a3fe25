import GRDB
import Synchronization

/// Every write of the database goes through here, and writes that arrive together share one
/// transaction, and so one fsync: while a batch commits, the next one gathers. With
/// `synchronous = FULL` a commit costs a disk flush (milliseconds), so one writer committing
/// each write alone would queue creates behind the worker's claims and outcomes. Each write
/// runs in a savepoint of its own: one that throws is rolled back alone and its caller gets
/// the error, while the others commit. Every caller is answered after the commit, never
/// before: an answered write is durable.
final class GroupCommit: Sendable {
    /// One write: runs in its batch's transaction, then is told how the transaction ended.
    private struct Waiter: Sendable {
        let run: @Sendable (Database) -> Void
        let finish: @Sendable ((any Error)?) -> Void
    }

    private struct State {
        var waiting: [Waiter] = []
        var committing = false
        /// Writes in the batch being committed.
        var inBatch = 0
    }

    private let pool: DatabasePool
    private let maxBatch: Int
    private let state = Mutex(State())

    init(pool: DatabasePool, maxBatch: Int = 128) {
        self.pool = pool
        self.maxBatch = maxBatch
    }

    /// Writes submitted and not yet answered.
    var pending: Int { state.withLock { $0.waiting.count + $0.inBatch } }

    /// Runs `work` in a savepoint of the next batch; returns once that batch has committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let outcome = Outcome<T>()
        return try await withCheckedThrowingContinuation { continuation in
            let waiter = Waiter(
                run: { db in
                    outcome.set(Result {
                        var output: T?
                        try db.inSavepoint {
                            output = try work(db)
                            return .commit
                        }
                        guard let output else { throw GroupCommitLost() }
                        return output
                    })
                },
                finish: { failure in
                    if let failure {
                        continuation.resume(throwing: failure)
                    } else {
                        continuation.resume(with: outcome.take())
                    }
                })
            let leads = state.withLock { state in
                state.waiting.append(waiter)
                guard !state.committing else { return false }
                state.committing = true
                return true
            }
            // The first writer to find nothing committing starts the loop; later ones join
            // the batch it gathers next.
            if leads { commitUntilIdle() }
        }
    }

    /// Commits batch after batch on the writer's own queue until none is waiting: the next
    /// batch starts as soon as the last one committed, without waiting for a thread of the
    /// cooperative pool (busy with requests under load) to pick the loop up again.
    private func commitUntilIdle() {
        pool.asyncWriteWithoutTransaction { db in
            while true {
                let batch = self.state.withLock { state -> [Waiter] in
                    let batch = Array(state.waiting.prefix(self.maxBatch))
                    state.waiting.removeFirst(batch.count)
                    state.inBatch = batch.count
                    if batch.isEmpty { state.committing = false }
                    return batch
                }
                guard !batch.isEmpty else { return }
                do {
                    try db.inTransaction(.immediate) {
                        for waiter in batch { waiter.run(db) }
                        return .commit
                    }
                    for waiter in batch { waiter.finish(nil) }
                } catch {
                    // The transaction did not commit: no write of the batch happened.
                    for waiter in batch { waiter.finish(error) }
                }
            }
        }
    }
}

/// A write's result, set on the writer's queue and read after its batch committed.
private final class Outcome<T: Sendable>: Sendable {
    private let result = Mutex<Result<T, any Error>?>(nil)

    func set(_ value: Result<T, any Error>) { result.withLock { $0 = value } }

    func take() -> Result<T, any Error> {
        result.withLock { $0 } ?? .failure(GroupCommitLost())
    }
}

/// A savepoint that committed without its write's output: cannot happen.
struct GroupCommitLost: Error {}
