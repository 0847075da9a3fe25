/// The runner as `/readyz` shows it.
public struct RunnerStatus: Sendable, Equatable {
    /// The device this runner owns, as configured (`cpu`, `cuda:1`).
    public var device: RunnerDevice
    /// What the current process said when it became ready; nil while (re)starting.
    public var ready: RunnerReady?
    /// Processes started after the first one (crashes, kills, failed starts).
    public var restarts: Int
    /// Why the last process ended or failed to start, if one did.
    public var lastFailure: String?
    /// While starts keep failing: how long the supervisor waits before the next one.
    public var restartPause: Duration?
    /// Edits waiting for the runner to finish the one it is running.
    public var waiting: Int
    /// The edit the runner is running now, if any.
    public var currentJob: String?
    /// How the last edit handed to the runner ended; nil before the first ends.
    public var lastJob: RunnerJobSummary?
}
