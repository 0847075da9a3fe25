import Foundation

/// `easel ARGS` run to completion, as an operator types it. The child is waited for on a
/// Dispatch thread, never on the test's cooperative pool.
enum EaselCommand {
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result(catching: { try EaselProcess.run(arguments) }))
            }
        }
    }

    /// The lines `easel jobs list ARGS` prints, split into their tab-separated columns.
    static func jobRows(_ arguments: [String]) async throws -> [[String]] {
        let listed = try await run(["jobs", "list"] + arguments)
        guard listed.status == 0 else { throw Failed(output: listed.output) }
        return listed.output.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    }

    struct Failed: Error, CustomStringConvertible {
        let output: String
        var description: String { "easel failed: \(output)" }
    }
}
