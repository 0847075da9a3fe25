import Foundation
import Logging
import Subprocess
import Synchronization
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One live runner process: commands go to its stdin as JSON lines, its stdout lines come
/// back as `events`, its stderr goes to the log. The process lives inside a detached task
/// running swift-subprocess' scoped `run`, which reaps it when it exits.
final class RunnerProcess: Sendable {
    let events: AsyncStream<RunnerEvent>
    private let commands: AsyncStream<String>.Continuation
    /// The pid while the process runs; nil before launch and after exit, so a kill can never
    /// reach a recycled pid.
    private let pid = Mutex<pid_t?>(nil)

    private init(events: AsyncStream<RunnerEvent>, commands: AsyncStream<String>.Continuation) {
        self.events = events
        self.commands = commands
    }

    static func launch(_ configuration: RunnerConfiguration, logger: Logger) -> RunnerProcess {
        // Writing to a runner that just died must not kill the server with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let (events, eventSink) = AsyncStream.makeStream(of: RunnerEvent.self)
        let (commands, commandSink) = AsyncStream.makeStream(of: String.self)
        let process = RunnerProcess(events: events, commands: commandSink)
        Task.detached {
            let stderrTail = StderrTail(limit: 12)
            let reason: String
            do {
                let environment = try configuration.processEnvironment()
                let result = try await Subprocess.run(
                    .path(FilePath(configuration.python)),
                    arguments: Arguments(configuration.arguments),
                    environment: .inherit.updating(Dictionary(uniqueKeysWithValues: environment.compactMap {
                        name, value in Environment.Key(rawValue: name).map { ($0, value) }
                    })),
                    input: .inputWriter, output: .sequence, error: .sequence
                ) { execution in
                    process.pid.withLock { $0 = execution.processIdentifier.value }
                    try await Self.pump(execution, commands: commands, events: eventSink, stderrTail: stderrTail, logger: logger)
                }
                process.pid.withLock { $0 = nil }
                reason = "runner \(result.terminationStatus)"
            } catch let failure as RunnerFailure {
                process.pid.withLock { $0 = nil }
                reason = "runner on \(configuration.device) could not be started: \(failure)"
            } catch {
                process.pid.withLock { $0 = nil }
                reason = "runner \(configuration.python) could not be run: \(error)"
            }
            let tail = stderrTail.lines
            eventSink.yield(.exited(reason: tail.isEmpty ? reason : reason + "; its last words: " + tail.joined(separator: " | ")))
            eventSink.finish()
        }
        return process
    }

    /// Queues one command; silently dropped once the process is gone (its exit is reported).
    func send(_ command: RunnerCommand) throws {
        commands.yield(try command.line())
    }

    /// Closes stdin: a runner reads that as "finish the current job and exit".
    func closeInput() {
        commands.finish()
    }

    func kill() {
        pid.withLock { pid in
            if let pid { killProcess(pid) }
        }
    }

    private static func pump(
        _ execution: Execution<CustomWriteInput, SequenceOutput, SequenceOutput>,
        commands: AsyncStream<String>, events: AsyncStream<RunnerEvent>.Continuation,
        stderrTail: StderrTail, logger: Logger
    ) async throws {
        let writer = execution.standardInputWriter
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await line in commands {
                    // A failed write means the process is going away; its exit says why.
                    do { _ = try await writer.write(line) } catch { break }
                }
                try? await writer.finish()
                return false
            }
            group.addTask {
                for try await line in execution.standardError.strings() {
                    stderrTail.append(line)
                    logger.info("\(line)", metadata: ["source": "runner"])
                }
                return true
            }
            group.addTask {
                for try await line in execution.standardOutput.strings() where !line.isEmpty {
                    do {
                        events.yield(.message(try RunnerMessage(line: line)))
                    } catch let error as RunnerProtocolError {
                        events.yield(.unreadable(error))
                    }
                }
                return true
            }
            // The process has exited once both of its output pipes closed; stdin's task may
            // still be waiting for commands that will never come.
            var closedOutputs = 0
            while closedOutputs < 2, let isOutput = try await group.next() {
                if isOutput { closedOutputs += 1 }
            }
            group.cancelAll()
        }
    }
}

/// At file scope so that `kill` is the C function, not the method above.
private func killProcess(_ pid: pid_t) {
    _ = kill(pid, SIGKILL)
}

/// The last lines a runner wrote to stderr, quoted when it dies: a Python traceback ends there.
private final class StderrTail: Sendable {
    private let state = Mutex<[String]>([])
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func append(_ line: String) {
        state.withLock {
            $0.append(line)
            if $0.count > limit { $0.removeFirst($0.count - limit) }
        }
    }

    var lines: [String] { state.withLock { $0 } }
}
