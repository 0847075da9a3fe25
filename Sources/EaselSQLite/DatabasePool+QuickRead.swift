import GRDB

extension DatabasePool {
    /// A read of one statement's worth of indexed rows, on the calling thread and outside an
    /// explicit transaction. The asynchronous `read` hops to a reader's queue and back and
    /// wraps the block in BEGIN/COMMIT; on the hot paths of every request (key lookup, job
    /// poll) that costs more than the query. A single SELECT is atomic in SQLite by itself,
    /// and blocking the caller for the microseconds it takes is the cheaper trade.
    /// Not for scans, long reads, or several statements that must agree with each other.
    func quickRead<T>(_ body: (Database) throws -> T) throws -> T {
        try unsafeRead(body)
    }
}
