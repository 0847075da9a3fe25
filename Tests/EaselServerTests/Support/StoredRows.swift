import Foundation
import GRDB

/// The server's own SQLite file, opened beside the running server (WAL lets both write), so a
/// test can move a stored time as a day passing would: an idempotency key or a file aged past
/// its window, a job stored by a server that served other models. The server's code paths stay
/// the real ones; only the rows they read are older.
struct StoredRows: Sendable {
    let path: String

    init(dataDirectory: URL) {
        path = dataDirectory.appendingPathComponent("easel.sqlite").path
    }

    /// Runs one statement and returns how many rows it changed. SQLite's calls block, so they
    /// run on a Dispatch thread, never on the test's cooperative pool.
    @discardableResult
    func update(_ sql: String, _ arguments: [any DatabaseValueConvertible & Sendable] = []) async throws -> Int {
        let path = path
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result(catching: {
                    var configuration = Configuration()
                    configuration.busyMode = .timeout(10)
                    let queue = try DatabaseQueue(path: path, configuration: configuration)
                    return try queue.write { db in
                        try db.execute(sql: sql, arguments: StatementArguments(arguments))
                        return db.changesCount
                    }
                }))
            }
        }
    }

    /// Milliseconds since 1970, as the database stores times.
    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
