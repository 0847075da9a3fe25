import Foundation

/// Runs a command-line tool (schemathesis, promtool) to its end without holding a thread of
/// Swift's cooperative pool: its output is read on a Dispatch thread and its exit awaited.
enum ToolRun {
    struct Result: Sendable {
        let status: Int32
        let output: String
    }

    /// - Parameters:
    ///   - input: a file the tool reads as its standard input.
    ///   - timeout: the tool is killed past it, and the call throws `TimedOut`.
    static func run(
        _ executable: String, _ arguments: [String], input: URL? = nil, timeout: Duration
    ) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let exited = AsyncStream<Int32> { continuation in
            process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        }
        try process.run()
        let output = Task { await readToEnd(pipe.fileHandleForReading) }
        let status = try await withThrowingTaskGroup(of: Int32?.self) { group in
            group.addTask { await exited.first { _ in true } }
            group.addTask { try await Task.sleep(for: timeout); return nil }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let status else {
            kill(process.processIdentifier, SIGKILL)
            throw TimedOut(what: "\(executable) to exit; it printed: \(String((await output.value).suffix(4000)))")
        }
        return Result(status: status, output: await output.value)
    }

    /// `name` on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Everything until end of file, read on a Dispatch thread: the read blocks.
    private static func readToEnd(_ handle: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: String(decoding: handle.readDataToEndOfFile(), as: UTF8.self))
            }
        }
    }
}
