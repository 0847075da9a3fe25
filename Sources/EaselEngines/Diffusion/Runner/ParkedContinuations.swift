/// Continuations parked until something happens, each also resumable on its own (its task was
/// cancelled). Not thread-safe: owned by an actor.
struct ParkedContinuations<Value: Sendable> {
    private var parked: [(ticket: Int, continuation: CheckedContinuation<Value, any Error>)] = []
    private var nextTicket = 0

    var isEmpty: Bool { parked.isEmpty }

    /// A ticket to park under: taken before suspending, so a cancellation handler that runs
    /// first still knows which continuation to resume.
    mutating func reserve() -> Int {
        nextTicket += 1
        return nextTicket
    }

    mutating func park(_ ticket: Int, _ continuation: CheckedContinuation<Value, any Error>) {
        parked.append((ticket, continuation))
    }

    /// Resumes the first parked continuation (FIFO); false when none is parked.
    mutating func resumeFirst(with result: Result<Value, any Error>) -> Bool {
        guard !parked.isEmpty else { return false }
        parked.removeFirst().continuation.resume(with: result)
        return true
    }

    mutating func resumeAll(with result: Result<Value, any Error>) {
        let all = parked
        parked.removeAll()
        for entry in all { entry.continuation.resume(with: result) }
    }

    /// Resumes one continuation with `CancellationError`, if it is still parked.
    mutating func cancel(ticket: Int) {
        guard let index = parked.firstIndex(where: { $0.ticket == ticket }) else { return }
        parked.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
