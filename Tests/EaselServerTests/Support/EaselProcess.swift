import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// The real `easel` binary, started as a child process for tests that need process
/// boundaries: first run, SIGKILL, SIGTERM, the CLI. Unless told a port, it binds port 0 and
/// the port is read from the line it prints once listening, so that no two tests can race
/// for a port picked in advance.
final class EaselProcess: @unchecked Sendable {
    // @unchecked: `process` and `output` are set once in init and only read afterwards;
    // Process itself is thread-safe for terminate/wait.
    let process: Process
    let dataDirectory: URL
    private let boundPort: Mutex<Int?>
    private let output: Pipe
    private let printed = PrintedOutput()

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `swift build --build-tests` puts `easel` beside the test bundle.
    static var binary: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("easel")
    }

    init(dataDirectory: URL, port: Int? = nil, extra: [String] = []) throws {
        self.dataDirectory = dataDirectory
        boundPort = Mutex(port)
        process = Process()
        process.executableURL = Self.binary
        process.arguments = [
            "serve", "--port", "\(port ?? 0)", "--data-dir", dataDirectory.path,
            "--fetch-allow", "127.0.0.0/8", "--log-level", "warning",
        ] + Self.roomyTimers(unless: extra) + extra
        output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let printed = self.printed
        output.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            printed.append(chunk)
        }
        try process.run()
    }

    /// Timers that a test does not mean to run out, long enough for a loaded machine (a held
    /// input fetch, a callback attempt), unless the test sets them itself.
    static func roomyTimers(unless extra: [String]) -> [String] {
        [("--fetch-timeout-seconds", "600"), ("--callback-timeout-seconds", "120")]
            .filter { flag, _ in !extra.contains(flag) }
            .flatMap { [$0, $1] }
    }

    /// Runs `easel ARGS` to completion and returns what it printed.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The port it listens on; known once `waitUntilReady` returned.
    var port: Int {
        guard let port = boundPort.withLock({ $0 }) else { preconditionFailure("the port is known once the process is ready") }
        return port
    }

    /// Waits until the process said which port it listens on and `/healthz` answers there.
    func waitUntilReady(client: HTTPClient, timeout: Duration = .seconds(120)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            guard process.isRunning else { throw TimedOut(what: "easel to start (it exited: \(readOutput()))") }
            guard let port = boundPort.withLock({ $0 }) ?? Self.listeningPort(in: readOutput()) else {
                try await Task.sleep(for: .milliseconds(50))
                continue
            }
            boundPort.withLock { $0 = port }
            if let response = try? await client.execute(HTTPClientRequest(url: baseURL + "/healthz"), timeout: .seconds(2)),
               response.status == .ok {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TimedOut(what: "easel to answer /healthz")
    }

    /// The port in `easel listening on HOST:PORT`.
    private static func listeningPort(in output: String) -> Int? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("easel listening on ") }),
              let colon = line.lastIndex(of: ":") else { return nil }
        return Int(line[line.index(after: colon)...])
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func terminate() { process.terminate() }

    /// Everything the process has printed so far.
    func readOutput() -> String {
        printed.text
    }
}

/// A plain HTTP client for talking to a child `easel` process.
struct LiveClient: Sendable {
    let http: HTTPClient
    let baseURL: String
    let key: String
    /// How long one request may take before it counts as unanswered.
    var timeout: TimeAmount = .seconds(30)

    func send(_ method: HTTPMethod, _ path: String, body: Data? = nil) async throws -> (status: Int, body: Data) {
        try await sendRaw(method, path, body: body, contentType: "application/json")
    }

    /// `body` sent as it is, with its own content type.
    func sendRaw(
        _ method: HTTPMethod, _ path: String, body: Data?, contentType: String, headers: [(String, String)] = []
    ) async throws -> (status: Int, body: Data) {
        var request = HTTPClientRequest(url: path.hasPrefix("http") ? path : baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await http.execute(request, timeout: timeout)
        let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return (Int(response.status.code), Data(buffer: bytes))
    }

    func waitFor(_ id: String, status wanted: Set<Int>, timeout: Duration = .seconds(60)) async throws -> JSON {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            let data = JSON(data: try await send(.GET, "/api/v1/job/query?id=\(id)").body)["data"]
            if let status = data["status"].int, wanted.contains(status) { return data }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TimedOut(what: "job \(id) to reach status \(wanted)")
    }
}

/// What a child process printed, collected as it arrives.
final class PrintedOutput: Sendable {
    private let data = Mutex(Data())
    func append(_ chunk: Data) { data.withLock { $0.append(chunk) } }
    var text: String { data.withLock { String(decoding: $0, as: UTF8.self) } }
}
