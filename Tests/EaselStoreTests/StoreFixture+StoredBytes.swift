import Foundation
import Testing

extension StoreFixture {
    struct DumpFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Everything the store has written, to search for what must or must not be kept: the
    /// SQLite file and its write-ahead log (both must exist), or a data-only `pg_dump` of the
    /// PostgreSQL database. Throws rather than returning less, so no check is skipped.
    func storedBytes() async throws -> [Data] {
        switch kind {
        case .sqlite:
            let directory = try #require(directory)
            return try ["easel.sqlite", "easel.sqlite-wal"].map {
                try Data(contentsOf: directory.appendingPathComponent($0))
            }
        case .postgres:
            return [try await pgDump(try #require(databaseURL))]
        }
    }

    private func pgDump(_ url: String) async throws -> Data {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = try FileManager.default.contentsOfDirectory(atPath: root.path).compactMap(Int.init).sorted()
        let program = try #require(versions.last.map { root.appendingPathComponent("\($0)/bin/pg_dump") })
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("easel-dump-\(UUID().uuidString).sql")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = program
        process.arguments = ["--data-only", "--dbname=\(url)", "--file=\(output.path)"]
        // Waits through the termination handler: no thread of the pool blocks on the child.
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { ended in
                if ended.terminationStatus == 0 {
                    continuation.resume()
                } else {
                    continuation.resume(throwing: DumpFailed(description: "pg_dump ended with status \(ended.terminationStatus)"))
                }
            }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return try Data(contentsOf: output)
    }
}
