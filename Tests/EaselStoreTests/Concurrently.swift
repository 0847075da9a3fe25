import Foundation
import Synchronization

/// Runs `count` operations at once and returns their results in order. One that never
/// answers (a lost continuation) fails the test after `limit` instead of hanging it: the
/// operations run as tasks of their own, which the test stops waiting for.
func concurrently<T: Sendable>(
    _ count: Int, within limit: Duration = .seconds(60), _ operation: @escaping @Sendable (Int) async throws -> T
) async throws -> [T] {
    let results = Answers<T>()
    for index in 0..<count {
        Task {
            let result = await Result(awaiting: { try await operation(index) })
            results.values.withLock { $0[index] = result }
        }
    }
    let deadline = ContinuousClock.now + limit
    while results.values.withLock({ $0.count }) < count {
        guard ContinuousClock.now < deadline else {
            throw WaitedTooLong(what: "\(count - results.values.withLock { $0.count }) of \(count) operations to answer")
        }
        try await Task.sleep(for: .milliseconds(10))
    }
    return try results.values.withLock { values in try (0..<count).map { try values[$0]!.get() } }
}

/// What the operations of `concurrently` answered, by index.
private final class Answers<T: Sendable>: Sendable {
    let values = Mutex<[Int: Result<T, any Error>]>([:])
}

extension Result where Failure == any Error {
    init(awaiting body: () async throws -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}
