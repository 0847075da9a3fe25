import Synchronization

/// Authenticated keys kept for a short while by the hash of their secret, so that most
/// requests skip the key lookup. When `revocations` moves, everything held is dropped before
/// the next answer, so a revocation the counter sees takes effect at once; `lifetime` bounds
/// how long one it cannot see (a lost notification) takes. Unknown secrets are never kept:
/// a key created a moment ago works on its first request.
public final class APIKeyCache: Sendable {
    public static let defaultLifetime: Duration = .seconds(5)

    private struct Entry {
        let key: APIKey
        let expires: ContinuousClock.Instant
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// The counter's value that every entry was looked up under.
        var epoch: UInt64
    }

    private let revocations: any RevocationCounter
    private let lifetime: Duration
    private let capacity: Int
    private let state: Mutex<State>

    public init(revocations: any RevocationCounter, lifetime: Duration = defaultLifetime, capacity: Int = 10_000) {
        self.revocations = revocations
        self.lifetime = lifetime
        self.capacity = capacity
        state = Mutex(State(epoch: revocations.current()))
    }

    /// The key for `secretHash`: held, or looked up with `lookup` and then held.
    public func key(
        secretHash: String, lookup: () async throws -> APIKey?
    ) async throws -> APIKey? {
        // Read before the lookup: a revocation that commits after this read moves the counter,
        // and the key it looked up is then not kept.
        let epoch = revocations.current()
        let now = ContinuousClock.now
        let held = state.withLock { state -> APIKey? in
            guard state.epoch == epoch else {
                // The counter only grows: an older reading (a request that raced a newer one)
                // must not bring back what the newer one dropped.
                if epoch > state.epoch {
                    state.entries.removeAll(keepingCapacity: true)
                    state.epoch = epoch
                }
                return nil
            }
            guard let entry = state.entries[secretHash], entry.expires > now else { return nil }
            return entry.key
        }
        if let held { return held }
        guard let key = try await lookup() else { return nil }
        state.withLock { state in
            // A revocation that committed during the lookup may not be in what it read.
            guard state.epoch == epoch, revocations.current() == epoch else { return }
            if state.entries.count >= capacity {
                state.entries = state.entries.filter { $0.value.expires > now }
                if state.entries.count >= capacity { state.entries.removeAll() }
            }
            state.entries[secretHash] = Entry(key: key, expires: now + lifetime)
        }
        return key
    }

    /// Keys held now (for tests and metrics).
    public var count: Int { state.withLock { $0.entries.count } }
}
