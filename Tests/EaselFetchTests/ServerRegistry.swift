import Synchronization

/// Finds a test's record from the first component of a request path.
final class ServerRegistry: Sendable {
    private let records = Mutex<[String: ServerRecord]>([:])

    func register(_ record: ServerRecord) {
        records.withLock { $0[record.token] = record }
    }

    func record(for token: String) -> ServerRecord? {
        records.withLock { $0[token] }
    }
}
