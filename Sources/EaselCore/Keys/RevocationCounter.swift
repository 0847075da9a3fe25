/// Moves on every key revocation that this process can see, and reads without I/O, so that a
/// cache of authenticated keys can ask on every request whether what it holds may be stale.
public protocol RevocationCounter: Sendable {
    /// Grows by at least one with every revocation seen; never goes back.
    func current() -> UInt64
}
