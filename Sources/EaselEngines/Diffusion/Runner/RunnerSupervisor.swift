import Foundation
import Logging

/// Keeps one runner process alive and feeds it edits one at a time (one model, one GPU).
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
    /// The current process's own account of a failed start (`fatal`), preferred to its exit status.
    private var fatalMessage: String?
    private var lastFailure: String?
    private var restarts = 0
    private var failedStartsInARow = 0
    private var stopped = false
    private let readyWaiters = WaitList<RunnerReady>()
    private var slotTaken = false
    private let slotWaiters = WaitList<Void>()
    private var current: (id: String, sink: AsyncStream<JobSignal>.Continuation)?

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
        RunnerStatus(ready: ready, restarts: restarts, lastFailure: lastFailure)
    }

    /// Runs one edit to its end. `onUpdate` receives `progress` and `prompt` messages.
    /// Cancelling the calling task asks the runner to stop at its next step; a runner that does
    /// not confirm within `cancelGrace` is killed.
    public func perform(_ edit: RunnerEdit, onUpdate: @escaping @Sendable (RunnerMessage) -> Void) async throws -> RunnerDone {
        try await takeSlot()
        defer { releaseSlot() }
        _ = try await waitUntilReady()
        guard let process else { throw RunnerFailure.lost(lastFailure ?? "the runner exited") }
        let (signals, sink) = AsyncStream.makeStream(of: JobSignal.self)
        current = (edit.id, sink)
        defer { current = nil }
        try process.send(.edit(edit))
        return try await withTaskCancellationHandler {
            for await signal in signals {
                switch signal {
                case .message(.done(let done)): return done
                case .message(.failed(_, let code, let message)): throw RunnerFailure.job(code: code, message: message)
                case .message(.canceled): throw CancellationError()
                case .message(let update): onUpdate(update)
                case .lost(let reason):
                    if Task.isCancelled { throw CancellationError() }
                    throw RunnerFailure.lost(reason)
                }
            }
            throw CancellationError()
        } onCancel: {
            Task { await self.cancel(jobID: edit.id) }
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
        // A crash restarts at once; a runner that keeps failing to start backs off up to a minute.
        let pause: Duration = wasReady ? .zero : .seconds(min(1 << min(failedStartsInARow, 6), 60))
        Task {
            try? await Task.sleep(for: pause)
            self.relaunch()
        }
    }

    private func relaunch() {
        guard !stopped, process == nil else { return }
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
        guard launched == generation, current?.id == jobID else { return }
        logger.warning("runner did not confirm a cancel in time; killing it", metadata: ["job": "\(jobID)"])
        process?.kill()
    }
}
