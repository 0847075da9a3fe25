/// Why the supervisor could not run an edit.
public enum RunnerFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The runner did not become ready: bad weights folder, broken Python environment,
    /// out of memory while loading… `message` is the runner's own word where it gave one.
    case startup(String)
    /// The runner died or stopped answering while it held the job.
    case lost(String)
    /// The runner refused or failed the job (`failed` message).
    case job(code: RunnerFailureCode, message: String)

    public var description: String {
        switch self {
        case .startup(let message): "diffusion runner did not start: \(message)"
        case .lost(let message): "diffusion runner lost the job: \(message)"
        case .job(let code, let message): "diffusion runner: \(code): \(message)"
        }
    }
}
