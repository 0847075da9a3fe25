import Foundation
import Synchronization

/// A PostgreSQL server of the test process's own: `initdb` into a temporary folder, then
/// `pg_ctl` on a free loopback port, stopped when the process exits. Each test gets a fresh
/// database on it (`makeDatabase`), so tests run in parallel without seeing each other.
///
/// PostgreSQL refuses to run as root; as root (CI) the server runs as the `postgres` user
/// that Debian's package creates.
public final class TemporaryPostgres: Sendable {
    public let port: Int
    public let directory: URL
    private let binaries: URL

    /// One server for the whole test process, started on first use.
    public static let shared = Task { try await TemporaryPostgres.start() }

    /// A server of the caller's own, for tests that stop and start it.
    public static func dedicated() async throws -> TemporaryPostgres {
        try await start()
    }

    /// Stops the server (fast shutdown: connections are cut, as when a database goes down).
    public func stop() throws {
        try run("pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-m", "fast", "-w", "stop"])
    }

    /// Starts it again on the same port, with the same data.
    public func restart() throws {
        try run("pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-o", options,
                           "-l", directory.appendingPathComponent("log").path, "-w", "-t", "60", "start"])
    }

    /// Freezes the server and every backend (SIGSTOP): connections stay open and nothing
    /// answers, as on a database host that stalls. `resume()` lets it go on.
    public func pause() throws { try signalServer(SIGSTOP) }

    public func resume() throws { try signalServer(SIGCONT) }

    /// The postmaster (first line of `postmaster.pid`) and its children, the backends.
    private func signalServer(_ signal: Int32) throws {
        let pidFile = directory.appendingPathComponent("data/postmaster.pid")
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8),
              let line = text.split(separator: "\n").first, let postmaster = pid_t(line) else {
            throw Failed(description: "no running server in \(directory.path)")
        }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        let backends = children.compactMap(pid_t.init).filter { pid in
            // /proc/PID/stat: "PID (name) STATE PPID …"; the name may hold spaces, not ")".
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == postmaster
        }
        for pid in [postmaster] + backends { kill(pid, signal) }
    }

    private var options: String {
        // Sockets in the folder, TCP on loopback only; fsync off: test data need not survive power loss.
        "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300"
    }

    public struct Failed: Error, CustomStringConvertible {
        public let description: String
    }

    private init(port: Int, directory: URL, binaries: URL) {
        self.port = port
        self.directory = directory
        self.binaries = binaries
    }

    /// The role's password: TCP connections must give it (as on a real server), the
    /// server's own socket does not.
    public static let password = "easel-test"

    /// `postgres://easel:PASSWORD@127.0.0.1:PORT/NAME` of a new, empty database.
    public func makeDatabase() throws -> String {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try run("psql", ["-h", directory.path, "-p", "\(port)", "-U", "easel", "-d", "postgres", "-q", "-c", "CREATE DATABASE \(name)"])
        return "postgres://easel:\(Self.password)@127.0.0.1:\(port)/\(name)?sslmode=disable"
    }

    private static func start() async throws -> TemporaryPostgres {
        guard let binaries = findBinaries() else {
            throw Failed(description: "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin); scripts/bootstrap.sh installs it")
        }
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("easel-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // initdb and file ownership do not depend on the port; the server is started below.
        let setUp = TemporaryPostgres(port: 0, directory: directory, binaries: binaries)
        if getuid() == 0 { try setUp.runPlain("/bin/chown", ["-R", "postgres:postgres", directory.path]) }
        let data = directory.appendingPathComponent("data").path
        let passwordFile = directory.appendingPathComponent("password").path
        guard FileManager.default.createFile(atPath: passwordFile, contents: Data(password.utf8)) else {
            throw Failed(description: "cannot write \(passwordFile)")
        }
        if getuid() == 0 { try setUp.runPlain("/bin/chown", ["postgres:postgres", passwordFile]) }
        try setUp.run("initdb", [
            "-D", data, "-U", "easel", "--pwfile", passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust",
            "-E", "UTF8", "--no-locale", "--no-sync",
        ])
        // PostgreSQL cannot bind port 0 and say which port it got, so a free port is picked
        // first; another process may take it in between, and then the next one is tried.
        var attempt = 1
        while true {
            let server = TemporaryPostgres(port: try FreePort.pick(), directory: directory, binaries: binaries)
            do {
                try server.restart()
                TemporaryPostgres.stopAtExit(server)
                return server
            } catch where attempt < 5 {
                attempt += 1
            }
        }
    }

    private static func findBinaries() -> URL? {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return versions.compactMap(Int.init).sorted().reversed()
            .map { root.appendingPathComponent("\($0)/bin") }
            .first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path) }
    }

    /// Runs one of PostgreSQL's programs, as `postgres` when this process is root.
    func run(_ program: String, _ arguments: [String]) throws {
        let path = binaries.appendingPathComponent(program).path
        if getuid() == 0 {
            try runPlain("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments)
        } else {
            try runPlain(path, arguments)
        }
    }

    /// posix_spawn and waitpid rather than Foundation's `Process`: the server that
    /// `pg_ctl start` leaves running inherits the output, and `Process` did not always see
    /// its child end then. Output goes to a file, read only when the command failed.
    private func runPlain(_ path: String, _ arguments: [String]) throws {
        let outputFile = directory.appendingPathComponent("command-\(UUID().uuidString.prefix(8)).out").path
        defer { unlink(outputFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failed(description: "cannot start \(path): errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED and WEXITSTATUS, spelled out: Swift does not import the C macros.
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exited && code == 0 else {
            let printed = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
            throw Failed(description: "\(path) \(arguments.joined(separator: " ")) ended with status \(status): \(printed)")
        }
    }

    /// Stops the server (and removes its folder) when the test process exits, however the
    /// tests ended.
    private static func stopAtExit(_ server: TemporaryPostgres) {
        let first = running.withLock { servers in
            servers.append(server)
            return servers.count == 1
        }
        guard first else { return }
        atexit {
            for server in TemporaryPostgres.running.withLock({ $0 }) {
                try? server.run("pg_ctl", ["-D", server.directory.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
                try? FileManager.default.removeItem(at: server.directory)
            }
        }
    }

    private static let running = Mutex<[TemporaryPostgres]>([])
}
