/// How the runner ended the last edit it was given, and how far it got: the way to tell that a
/// cancel stopped it early, since a job is shown canceled as soon as a client asks.
public struct RunnerJobSummary: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        case done, failed, canceled
        /// The runner died (or was killed) holding the job.
        case lost
    }

    public var id: String
    public var outcome: Outcome
    /// The last denoising step the runner reported, of `steps` in all (0 of 0 before the first).
    public var step: Int
    public var steps: Int
}
