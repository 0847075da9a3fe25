import Foundation

/// `easel ARGS` run to completion, as an operator types it, without holding a thread of the
/// test's cooperative pool.
enum EaselCommand {
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await ChildCommand.run(EaselProcess.binary.path, arguments, timeout: .seconds(120))
    }

    /// `easel jobs list --json ARGS` as rows of id, status and key.
    static func jobRows(_ arguments: [String]) async throws -> [[String]] {
        let listed = try await run(["jobs", "list", "--json"] + arguments)
        guard listed.status == 0,
              let rows = try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: String]] else {
            throw Failed(output: listed.output)
        }
        return rows.map { [$0["id"] ?? "", $0["status"] ?? "", $0["key"] ?? ""] }
    }

    struct Failed: Error, CustomStringConvertible {
        let output: String
        var description: String { "easel failed: \(output)" }
    }
}
