import Logging

/// One supervised runner per device, and edits handed to whichever is free.
///
/// Each runner restarts on its own (`RunnerSupervisor`): a crash on one device leaves the
/// others serving, and only the job the dead runner held fails with `RunnerFailure.lost`
/// (the worker puts it back in the queue). Cancelling an edit's task reaches the runner that
/// runs it, because that runner's `perform` is what the task is awaiting.
public actor RunnerPool {
    public nonisolated let supervisors: [RunnerSupervisor]
    private var busy: [Bool]
    /// Edits waiting for a free runner; `release` hands a runner to the first directly.
    private let waiters = WaitList<Int>()

    /// - Parameter configurations: one per runner, each with its own device.
    public init(configurations: [RunnerConfiguration], logger: Logger) {
        precondition(!configurations.isEmpty, "a pool needs at least one runner")
        supervisors = configurations.map { configuration in
            var logger = logger
            logger[metadataKey: "device"] = "\(configuration.device)"
            return RunnerSupervisor(configuration: configuration, logger: logger)
        }
        busy = Array(repeating: false, count: configurations.count)
    }

    /// Starts every runner at once and waits until all have loaded their model.
    /// - Returns: what the first runner said when ready (the runners load the same model).
    /// - Throws: `RunnerFailure.startup` naming the device of the first runner that could
    ///   not start; the others are stopped.
    public func start() async throws -> RunnerReady {
        let supervisors = self.supervisors
        do {
            return try await withThrowingTaskGroup(of: (Int, RunnerReady).self) { group in
                for (index, supervisor) in supervisors.enumerated() {
                    group.addTask {
                        do {
                            return (index, try await supervisor.start())
                        } catch RunnerFailure.startup(let message) where supervisors.count > 1 {
                            throw RunnerFailure.startup("the runner on \(supervisor.device): \(message)")
                        }
                    }
                }
                var first: RunnerReady?
                for try await (index, ready) in group where index == 0 { first = ready }
                guard let first else { throw RunnerFailure.startup("no runner started") }
                return first
            }
        } catch {
            await stop(grace: .seconds(5))
            throw error
        }
    }

    public var statuses: [RunnerStatus] {
        get async {
            var statuses: [RunnerStatus] = []
            for supervisor in supervisors { statuses.append(await supervisor.status) }
            return statuses
        }
    }

    /// Edits waiting for a free runner.
    public var waiting: Int { waiters.count }

    /// Runs one edit on a free runner, waiting for one when all are busy. See
    /// `RunnerSupervisor.perform` for cancelling and failures.
    public func perform(_ edit: RunnerEdit, onUpdate: @escaping @Sendable (RunnerMessage) -> Void) async throws -> RunnerDone {
        let index = try await take()
        defer { release(index) }
        return try await supervisors[index].perform(edit, onUpdate: onUpdate)
    }

    /// Stops every runner at once.
    public func stop(grace: Duration = .seconds(10)) async {
        await withTaskGroup(of: Void.self) { group in
            for supervisor in supervisors { group.addTask { await supervisor.stop(grace: grace) } }
        }
    }

    /// A free runner, a ready one first: a runner that is restarting would make the edit
    /// wait for its model to load while another could run it now.
    private func take() async throws -> Int {
        let free = busy.indices.filter { !busy[$0] }
        if let index = free.first(where: { supervisors[$0].isReady }) ?? free.first {
            busy[index] = true
            return index
        }
        return try await waiters.wait()
    }

    private func release(_ index: Int) {
        // Handed over still marked busy, so nobody else can take it in between.
        if !waiters.resumeFirst(with: .success(index)) { busy[index] = false }
    }
}
