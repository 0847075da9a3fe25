/// What one `easel serve` process does. Several processes of each role can share one
/// PostgreSQL database; with SQLite, one process does everything.
public enum ServerRole: String, Sendable, CaseIterable {
    /// The HTTP API and the worker in one process (the default).
    case all
    /// Only the HTTP API: creates, queries, files. Needs a worker somewhere to run jobs.
    case api
    /// Claims and runs jobs, delivers callbacks, sweeps expired files; serves only
    /// `/healthz`, `/readyz` and `/metrics`.
    case worker

    var servesAPI: Bool { self != .worker }
    var runsJobs: Bool { self != .api }
}
