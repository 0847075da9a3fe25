import EaselAPI
import EaselCore
import EaselSQLite
import Foundation

/// A fresh SQLite database in a temporary directory, with one API key.
struct TemporaryDatabase {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-db-\(UUID().uuidString)")
    let database: SQLiteDatabase
    let keyID: String

    init() async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try SQLiteDatabase(path: directory.appendingPathComponent("easel.sqlite").path)
        keyID = try await APIKeyIssuer(store: database.keys).create(name: "test").key.id
    }

    struct NotCreated: Error {}

    /// Enqueues without an idempotency key and returns the new job.
    func enqueue(_ new: NewJob) async throws -> Job {
        guard case .created(let job) = try await database.jobs.enqueue(new, idempotency: nil, queueLimit: .max) else { throw NotCreated() }
        return job
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    func newJob(numImages: Int = 1, maxAttempts: Int = 3, keyID: String? = nil) -> NewJob {
        let arguments = EditSpec(
            prompt: "warmer", numImages: numImages, imageURLs: ["https://example.com/a.png"],
            width: 1024, height: 1024)
        return NewJob(
            keyID: keyID ?? self.keyID,
            model: ModelRegistry.seedModelID, edit: arguments,
            engine: "classic", amount: ModelRegistry.seedPrice.times(numImages), maxAttempts: maxAttempts)
    }
}
