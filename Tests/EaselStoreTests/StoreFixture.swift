import EaselCore
import EaselPostgres
import EaselSQLite
import EaselTestSupport
import Foundation
import Logging
import Testing

/// The stores every behaviour is checked against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }
}

/// A fresh, empty store of one kind with one API key: a SQLite file in a temporary folder,
/// or a new database on the test process's PostgreSQL server.
struct StoreFixture: Sendable {
    let kind: StoreKind
    let jobs: any JobStore
    let keys: any APIKeyStore
    let callbacks: any CallbackStore
    let blobIndex: any BlobIndex
    let blobs: any BlobStore
    let keyID: String
    /// The SQLite file's folder; nil on PostgreSQL.
    let directory: URL?
    /// The PostgreSQL database and its URL; nil on SQLite.
    let postgres: PostgresDatabase?
    let postgresURL: String?

    init(_ kind: StoreKind) async throws {
        self.kind = kind
        switch kind {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-db-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let database = try SQLiteDatabase(path: directory.appendingPathComponent("easel.sqlite").path)
            self.directory = directory
            postgres = nil
            postgresURL = nil
            jobs = database.jobs
            keys = database.keys
            callbacks = database.callbacks
            blobIndex = database.blobIndex
            blobs = try FileBlobStore(directory: directory.appendingPathComponent("blobs"))
        case .postgres:
            let server = try await TemporaryPostgres.shared.value
            var logger = Logger(label: "easel-store-test")
            logger.logLevel = .error
            let url = try server.makeDatabase()
            let database = try await PostgresDatabase.connect(try DatabaseURL(url), logger: logger)
            directory = nil
            postgres = database
            postgresURL = url
            jobs = database.jobs
            keys = database.keys
            callbacks = database.callbacks
            blobIndex = database.blobIndex
            blobs = database.blobs
        }
        keyID = try await APIKeyIssuer(store: keys).create(name: "test").key.id
    }

    struct NotCreated: Error {}

    /// Enqueues without an idempotency key and returns the new job.
    func enqueue(_ new: NewJob) async throws -> Job {
        guard case .created(let job) = try await jobs.enqueue(new, idempotency: nil, queueLimit: .max) else { throw NotCreated() }
        return job
    }

    func remove() {
        if let directory { try? FileManager.default.removeItem(at: directory) }
        if let postgres { Task { await postgres.close() } }
    }

    func newJob(numImages: Int = 1, maxAttempts: Int = 3, keyID: String? = nil, callbackURL: String? = nil) -> NewJob {
        let edit = EditSpec(
            prompt: "warmer", numImages: numImages, imageURLs: ["https://example.com/a.png"],
            width: 1024, height: 1024)
        return NewJob(
            keyID: keyID ?? self.keyID, model: ModelRegistry.seedModelID, edit: edit, callbackURL: callbackURL,
            engine: "classic", amount: ModelRegistry.seedPrice.times(numImages), maxAttempts: maxAttempts)
    }
}
