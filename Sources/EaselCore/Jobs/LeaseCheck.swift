/// What a worker learns when it renews a lease.
public enum LeaseCheck: Sendable, Equatable {
    case held
    /// Another worker holds the job now (or it finished); stop without writing.
    case lost
    /// A client canceled the job; stop at the next safe point and record the cancellation.
    case cancelRequested
}
