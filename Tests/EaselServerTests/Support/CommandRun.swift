import Foundation

/// An `easel` command run as a child process, for tests that act while it runs (send it
/// SIGINT) and wait for it without blocking a thread. Its output goes to a file rather than a
/// pipe: a pipe's end of file never comes while another child started at the same moment (a
/// parallel test's `easel serve`) holds an inherited copy of its write end.
/// `EASEL_*` variables of the test's own environment are not passed on.
final class CommandRun: @unchecked Sendable {
    // @unchecked: `process` and `log` are set up in init and only read afterwards; Process
    // itself is thread-safe for signals and status.
    private let process = Process()
    private let log: URL

    init(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("easel-command-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        process.executableURL = EaselProcess.binary
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("EASEL_") }
        inherited.merge(environment) { _, given in given }
        process.environment = inherited
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) } // never outlive the test
        try? FileManager.default.removeItem(at: log)
    }

    /// Everything printed so far, standard output and error together.
    var output: String {
        (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }

    func interrupt() { kill(process.processIdentifier, SIGINT) }

    /// Waits for the process to exit; its exit status.
    func exitStatus(timeout: Duration = .seconds(90)) async throws -> Int32 {
        try await eventually("easel \(process.arguments?.first ?? "") to exit", timeout: timeout) { !process.isRunning }
        return process.terminationStatus
    }

    /// Runs `easel ARGUMENTS` to its end.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil
    ) async throws -> (status: Int32, output: String) {
        let run = try CommandRun(arguments, environment: environment, directory: directory)
        let status = try await run.exitStatus()
        return (status, run.output)
    }
}
