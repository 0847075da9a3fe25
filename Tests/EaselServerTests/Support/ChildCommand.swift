import Foundation

/// Runs a command to completion without blocking a thread of the cooperative pool: its
/// output is collected as it arrives and its exit is awaited, with a deadline after which it
/// is terminated and the wait fails.
enum ChildCommand {
    static func run(
        _ executable: String, _ arguments: [String], timeout: Duration
    ) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
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
