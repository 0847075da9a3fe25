/// What a runner process reports to its supervisor, in order.
enum RunnerEvent: Sendable {
    case message(RunnerMessage)
    /// A stdout line that is not protocol v1: the runner is broken.
    case unreadable(RunnerProtocolError)
    /// The process is gone; `reason` says how it ended and what it last wrote to stderr.
    case exited(reason: String)
}
