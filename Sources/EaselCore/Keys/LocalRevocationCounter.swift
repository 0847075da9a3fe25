import Synchronization

/// A revocation counter in this process's memory: bumped by revocations made here and by
/// whatever tells this process of revocations made elsewhere (PostgreSQL notifications).
public final class LocalRevocationCounter: RevocationCounter {
    private let value = Atomic<UInt64>(0)

    public init() {}

    public func current() -> UInt64 { value.load(ordering: .acquiring) }

    /// Called after a revocation has committed (or may have been missed).
    public func bump() { value.add(1, ordering: .releasing) }
}
