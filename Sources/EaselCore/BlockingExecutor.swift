import Dispatch

/// Runs blocking work (libvips calls, file I/O) on Dispatch threads, off Swift's cooperative
/// pool, so a long decode never stalls the server's event loops or other tasks.
///
/// The queue is concurrent: how many edits run at once is the worker's decision, and each
/// waits here on a thread of its own.
public struct BlockingExecutor: Sendable {
    private let queue: DispatchQueue

    public init(label: String = "easel.engines.blocking", qos: DispatchQoS = .userInitiated) {
        queue = DispatchQueue(label: label, qos: qos, attributes: .concurrent)
    }

    /// One executor shared by engines that are not given their own.
    public static let shared = BlockingExecutor()

    /// Runs `work` on the queue and resumes with its result. Cancellation is not seen
    /// inside `work`: callers check it between steps.
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
