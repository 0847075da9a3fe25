import EaselCore

extension JobStore {
    /// A claim with no per-key limit, for tests about everything else.
    func claimNext(owner: String, leaseDuration: Duration) async throws -> ClaimedJob? {
        try await claimNext(owner: owner, leaseDuration: leaseDuration, perKeyLimit: .max)
    }
}
