import EaselCore
import Synchronization

/// Carries an engine's synchronous progress callbacks to the store without blocking the
/// engine: only the latest value waits, and writes happen one at a time in the background.
final class ProgressRelay: Sendable {
    private let continuation: AsyncStream<Double>.Continuation
    private let writer: Task<Void, Never>

    /// Engine fractions 0…1 are mapped onto `start…end` of the job's overall progress.
    init(store: any JobStore, jobID: String, owner: String, start: Double, end: Double) {
        let (stream, continuation) = AsyncStream.makeStream(of: Double.self, bufferingPolicy: .bufferingNewest(1))
        self.continuation = continuation
        writer = Task {
            for await fraction in stream {
                // A failed progress write is harmless: the next one or the outcome supersedes it.
                _ = try? await store.reportProgress(
                    jobID: jobID, owner: owner, progress: start + (end - start) * fraction)
            }
        }
    }

    func report(_ fraction: Double) {
        continuation.yield(fraction)
    }

    /// Waits for the last value to be written.
    func finish() async {
        continuation.finish()
        await writer.value
    }

    deinit {
        continuation.finish()
    }
}
