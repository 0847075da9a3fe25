import Foundation

/// Runs a command (a tool, a client example, a browser script) to completion without
/// blocking a thread of the cooperative pool: its output is collected as it arrives and its
/// exit is awaited, not its output's end of file (a pipe's end never comes while a child
/// started at the same moment by a parallel test holds a copy of its write end), with a
/// deadline after which it is terminated and the wait fails.
enum ChildCommand {
    /// - Parameters:
    ///   - environment: added to this process's environment.
    ///   - input: a file the command reads as its standard input.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        directory: URL? = nil, input: URL? = nil, timeout: Duration
    ) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = directory }
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let printed = PrintedOutput()
        pipe.fileHandleForReading.readabilityHandler = { handle in printed.append(handle.availableData) }
        let (exits, exited) = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { finished in
            exited.yield(finished.terminationStatus)
            exited.finish()
        }
        try process.run()
        let deadline = Task { () -> Bool in
            do { try await Task.sleep(for: timeout) } catch { return false }
            process.terminate()
            return true
        }
        var status: Int32 = -1
        for await code in exits { status = code }
        deadline.cancel()
        let overran = await deadline.value
        pipe.fileHandleForReading.readabilityHandler = nil
        // What was written just before the exit may still sit in the pipe.
        printed.append(pipe.fileHandleForReading.availableData)
        if overran { throw TimedOut(what: "\(executable) to finish; it printed: \(printed.text)") }
        return (status, printed.text)
    }
}

extension ChildCommand {
    /// `name` on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
