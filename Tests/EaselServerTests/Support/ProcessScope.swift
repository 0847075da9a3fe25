import AsyncHTTPClient
import Foundation
import Testing
import Synchronization

/// Owns what a process test starts — an HTTP client, `easel` processes, a data directory —
/// and cleans all of it up however the test ends.
final class ProcessScope: Sendable {
    let http = HTTPClient(eventLoopGroupProvider: .singleton)
    let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-proc-\(UUID().uuidString)")
    private let started = Mutex<[EaselProcess]>([])

    func start(port: Int? = nil, extra: [String] = []) async throws -> EaselProcess {
        let process = try EaselProcess(dataDirectory: dataDirectory, port: port, extra: extra)
        started.withLock { $0.append(process) }
        try await process.waitUntilReady(client: http)
        return process
    }

    static func run(_ body: (ProcessScope) async throws -> Void) async throws {
        let scope = ProcessScope()
        do {
            try await body(scope)
        } catch {
            for process in scope.started.withLock({ $0 }) {
                Issue.record("easel output: \(process.readOutput())")
            }
            await scope.cleanUp()
            throw error
        }
        await scope.cleanUp()
    }

    private func cleanUp() async {
        for process in started.withLock({ $0 }) where process.process.isRunning {
            process.kill()
        }
        try? await http.shutdown()
        try? FileManager.default.removeItem(at: dataDirectory)
    }
}
