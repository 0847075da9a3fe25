import Foundation
import Logging
import Synchronization

/// Keeps one runner process alive and feeds it edits one at a time (one model, one device);
/// a `RunnerPool` holds one per device.
///
/// A runner that dies is started again — at once after a crash, with growing pauses while
/// starts keep failing — and the job it held fails with `RunnerFailure.lost`, which the
/// worker answers by putting the job back in the queue. A runner that never became ready is
/// not restarted: `start()` throws, and the server refuses to start.
public actor RunnerSupervisor {
    private enum JobSignal: Sendable {
        case message(RunnerMessage)
        case lost(String)
    }

    private let configuration: RunnerConfiguration
    private let logger: Logger
    private var process: RunnerProcess?
    /// Counts launches; events and timers of an older process are ignored.
    private var generation = 0
    private var ready: RunnerReady?
    private var hasBeenReady = false
    /// Why the current process ends, when known before its exit status: its own `fatal`, or
    /// why it was killed. Preferred to the bare exit status.
    private var fatalMessage: String?
    private var lastFailure: String?
    private var restarts = 0
    private var failedStartsInARow = 0
    /// The pause before the next start while starts keep failing; nil otherwise.
    private var restartPause: Duration?
    private var stopped = false
    private let readyWaiters = WaitList<RunnerReady>()
    private var slotTaken = false
    private let slotWaiters = WaitList<Void>()
    private var current: (id: String, sink: AsyncStream<JobSignal>.Continuation)?
    private var lastJob: RunnerJobSummary?

    public init(configuration: RunnerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Launches the runner and waits until its model is loaded.
    /// - Throws: `RunnerFailure.startup` with the runner's message when it cannot start.
    public func start() async throws -> RunnerReady {
        if process == nil { launch() }
        return try await waitUntilReady()
    }

    public var status: RunnerStatus {
        RunnerStatus(
            device: configuration.device, ready: ready, restarts: restarts, lastFailure: lastFailure,
            restartPause: restartPause, waiting: slotWaiters.count, currentJob: current?.id, lastJob: lastJob)
    }

    /// The device this supervisor's runner owns.
    public nonisolated var device: RunnerDevice { configuration.device }

    /// Whether a loaded runner answers now, readable without waiting for the actor: a pool
    /// prefers such a runner to one that is (re)starting.
    public nonisolated var isReady: Bool { readiness.withLock { $0 } }
    private let readiness = Mutex(false)

    /// Growing pauses between failed starts, capped at a minute: a runner that cannot start
    /// (a full disk, a lost GPU) is retried without spinning.
    static func restartPause(afterFailedStarts failures: Int) -> Duration {
        .seconds(min(1 << min(failures, 6), 60))
    }

    /// Runs one edit to its end. `onUpdate` receives `progress` and `prompt` messages.
    /// Cancelling the calling task asks the runner to stop at its next step, and returns once
    /// the runner has confirmed (or finished); a runner that does not confirm within
    /// `cancelGrace` is killed. Until then the edit keeps the runner: the next one must not
    /// start while the runner is still busy.
    public func perform(_ edit: RunnerEdit, onUpdate: @escaping @Sendable (RunnerMessage) -> Void) async throws -> RunnerDone {
        try await takeSlot()
        defer { releaseSlot() }
        _ = try await waitUntilReady()
        guard let process else { throw RunnerFailure.lost(lastFailure ?? "the runner exited") }
        let (signals, sink) = AsyncStream.makeStream(of: JobSignal.self)
        current = (edit.id, sink)
        defer { current = nil }
        try process.send(.edit(edit))
        // A task of its own reads the answer: a stream read by a cancelled task ends at once,
        // which would let this edit leave before the runner has stopped.
        let answer = Task { () -> (JobSignal?, step: Int, steps: Int) in
            var step = 0, steps = 0
            for await signal in signals {
                if case .message(let message) = signal, !message.endsJob {
                    if case .progress(_, let reached, let total) = message { (step, steps) = (reached, total) }
                    onUpdate(message)
                } else {
                    return (signal, step, steps)
                }
            }
            return (nil, step, steps)
        }
        let (signal, step, steps) = await withTaskCancellationHandler {
            await answer.value
        } onCancel: {
            Task { await self.cancel(jobID: edit.id) }
        }
        lastJob = RunnerJobSummary(id: edit.id, outcome: Self.outcome(of: signal), step: step, steps: steps)
        switch signal {
        case .message(.done(let done))?: return done
        case .message(.failed(_, let code, let message))?: throw RunnerFailure.job(code: code, message: message)
        case .lost(let reason)? where !Task.isCancelled: throw RunnerFailure.lost(reason)
        case nil where !Task.isCancelled: throw RunnerFailure.lost("the runner's messages ended")
        default: throw CancellationError()  // confirmed, or the runner lost after a cancel
        }
    }

    private static func outcome(of signal: JobSignal?) -> RunnerJobSummary.Outcome {
        switch signal {
        case .message(.done)?: .done
        case .message(.failed)?: .failed
        case .message(.canceled)?: .canceled
        default: .lost
        }
    }

    /// Asks the runner to exit after its current job; kills it if it has not within `grace`.
    public func stop(grace: Duration = .seconds(10)) async {
        stopped = true
        guard let process else { return }
        process.closeInput()
        let clock = ContinuousClock()
        let deadline = clock.now + grace
        while self.process != nil && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        self.process?.kill()
    }

    // MARK: - Process lifecycle

    private func launch() {
        generation += 1
        let launched = generation
        fatalMessage = nil
        let process = RunnerProcess.launch(configuration, logger: logger)
        self.process = process
        Task { [timeout = configuration.startupTimeout] in
            try? await Task.sleep(for: timeout)
            self.enforceStartupDeadline(launched)
        }
        Task {
            for await event in process.events { self.handle(event, from: launched) }
        }
    }

    private func enforceStartupDeadline(_ launched: Int) {
        guard launched == generation, ready == nil, let process else { return }
        fatalMessage = "not ready after \(configuration.startupTimeout) (raise --diffusion-startup-seconds for slow disks)"
        process.kill()
    }

    private func handle(_ event: RunnerEvent, from launched: Int) {
        guard launched == generation else { return }
        switch event {
        case .message(.ready(let info)):
            guard info.protocol == 1 else {
                fatalMessage = "the runner speaks protocol \(info.protocol); this Easel speaks protocol 1"
                process?.kill()
                return
            }
            ready = info
            readiness.withLock { $0 = true }
            hasBeenReady = true
            failedStartsInARow = 0
            logger.info("diffusion runner ready", metadata: [
                "pid": "\(info.pid)", "variant": "\(info.variant)", "device": "\(info.device)", "dtype": "\(info.dtype)",
            ])
            readyWaiters.resumeAll(with: .success(info))
        case .message(.fatal(let message)):
            fatalMessage = message
        case .message(.protocolError(let message)):
            logger.error("the runner could not read a command", metadata: ["message": "\(message)"])
        case .message(let message):
            if let current, message.jobID == current.id {
                current.sink.yield(.message(message))
            }
        case .unreadable(let error):
            logger.error("\(error)")
        case .exited(let reason):
            exited(reason)
        }
    }

    private func exited(_ reason: String) {
        let wasReady = ready != nil
        let why = fatalMessage.map { "\($0) (\(reason))" } ?? reason
        process = nil
        ready = nil
        readiness.withLock { $0 = false }
        lastFailure = why
        if let current {
            current.sink.yield(.lost(why))
            current.sink.finish()
        }
        if !wasReady {
            failedStartsInARow += 1
            readyWaiters.resumeAll(with: .failure(RunnerFailure.startup(why)))
        }
        guard !stopped, hasBeenReady else { return }
        logger.error("diffusion runner exited; restarting", metadata: ["reason": "\(why)"])
        // A crash restarts at once; a runner that keeps failing to start backs off.
        restartPause = wasReady ? nil : Self.restartPause(afterFailedStarts: failedStartsInARow)
        let pause = restartPause ?? .zero
        Task {
            try? await Task.sleep(for: pause)
            self.relaunch()
        }
    }

    private func relaunch() {
        guard !stopped, process == nil else { return }
        restartPause = nil
        restarts += 1
        launch()
    }

    // MARK: - Waiting

    private func waitUntilReady() async throws -> RunnerReady {
        if let ready { return ready }
        guard process != nil || (hasBeenReady && !stopped) else {
            throw RunnerFailure.startup(lastFailure ?? "the runner is not running")
        }
        return try await readyWaiters.wait()
    }

    /// One edit at a time: the runner holds one pipeline on one device.
    private func takeSlot() async throws {
        guard slotTaken else {
            slotTaken = true
            return
        }
        // Resumed by `releaseSlot`, which hands the slot over without freeing it.
        try await slotWaiters.wait()
    }

    private func releaseSlot() {
        if !slotWaiters.resumeFirst(with: .success(())) { slotTaken = false }
    }

    private func cancel(jobID: String) {
        guard let current, current.id == jobID, let process else { return }
        do { try process.send(.cancel(id: jobID)) } catch {
            logger.error("could not encode a cancel", metadata: ["error": "\(error)"])
        }
        let launched = generation
        Task { [grace = configuration.cancelGrace] in
            try? await Task.sleep(for: grace)
            self.killIfStillRunning(jobID, launched)
        }
    }

    private func killIfStillRunning(_ jobID: String, _ launched: Int) {
        guard launched == generation, current?.id == jobID, let process else { return }
        logger.warning("runner did not confirm a cancel in time; killing it", metadata: ["job": "\(jobID)"])
        fatalMessage = "killed: it did not confirm the cancel of job \(jobID) within \(configuration.cancelGrace)"
        process.kill()
    }
}
