import Foundation
import Testing

/// The outside checkers the conformance tests run: schemathesis (its environment made by
/// `scripts/conformance/setup.sh`) and Prometheus' promtool (installed by
/// `scripts/bootstrap.sh`). Both come with `scripts/test.sh`; a missing one fails the test
/// with the command that provides it, rather than skipping it.
enum ConformanceTools {
    static let scripts = TinyRunner.packageRoot.appendingPathComponent("scripts/conformance")

    /// `scripts/conformance/run.sh`, once its environment exists.
    static func schemathesisRun() throws -> String {
        let environment = scripts.appendingPathComponent(".venv/bin/st").path
        guard FileManager.default.isExecutableFile(atPath: environment) else {
            Issue.record("missing \(environment): run scripts/test.sh (or scripts/conformance/setup.sh)")
            throw TinyRunner.MissingSetUp()
        }
        return scripts.appendingPathComponent("run.sh").path
    }

    static func promtool() throws -> String {
        guard let path = ChildCommand.find("promtool") else {
            Issue.record("promtool is not on PATH: run scripts/bootstrap.sh (Debian package prometheus)")
            throw TinyRunner.MissingSetUp()
        }
        return path
    }

    /// What `promtool check metrics` says of `exposition`: nothing, and status 0, when it is clean.
    static func promtoolCheck(_ exposition: String) async throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("easel-metrics-\(UUID().uuidString).txt")
        try Data(exposition.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await ChildCommand.run(try promtool(), ["check", "metrics"], input: file, timeout: .seconds(60))
    }
}
