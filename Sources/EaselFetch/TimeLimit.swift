/// Runs `operation`, throwing `timeoutError()` instead once `limit` has passed. The operation is
/// cancelled then, and must return promptly on cancellation (the task group waits for it).
func withTimeLimit<Value: Sendable>(
    _ limit: Duration,
    timeoutError: @escaping @Sendable () -> any Error,
    operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    try await withThrowingTaskGroup(of: Value.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw timeoutError()
        }
        defer { group.cancelAll() }
        // Both children end by returning or throwing, so there is always a first result.
        guard let first = try await group.next() else { throw CancellationError() }
        return first
    }
}
