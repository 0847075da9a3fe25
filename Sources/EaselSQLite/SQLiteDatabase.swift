import EaselCore
import Foundation
import GRDB

/// The embedded database: one SQLite file in WAL mode under the data directory, shared by
/// the server and the `easel` CLI (which may run at the same time).
public struct SQLiteDatabase: Sendable {
    let pool: DatabasePool
    /// Shared with every process on this file (`easel.sqlite-revocations`).
    let revocations: SharedRevocationCounter
    /// Every write of this process, batched (`GroupCommit`).
    let writes: GroupCommit
    /// Polls of this process, batched (`GroupRead`).
    let polls: GroupRead

    /// Opens (creating if needed) and migrates the database at `path`.
    /// How long uploads and results are kept.
    public let retention: Duration

    public init(path: String, retention: Duration = .seconds(24 * 3600)) throws {
        self.retention = retention
        var configuration = Configuration()
        // The CLI and the server write to the same file; wait for each other's short
        // transactions instead of failing with SQLITE_BUSY.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // FULL: a commit survives power loss, not just a crash; an accepted job is never lost.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
        revocations = try SharedRevocationCounter(path: path + "-revocations")
        writes = GroupCommit(pool: pool)
        polls = GroupRead(reader: try Self.pollConnection(path: path))
    }

    /// A read-only connection of its own for the polls: one hop to its queue per batch, where
    /// the pool's readers take two (a queue that waits for a free reader, then the reader's).
    /// Opened after the pool has put the file in WAL mode and migrated it.
    private static func pollConnection(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        configuration.label = "easel.polls"
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    public var jobs: SQLiteJobStore { SQLiteJobStore(pool: pool, retention: retention, writes: writes, polls: polls) }
    public var callbacks: SQLiteCallbackStore { SQLiteCallbackStore(pool: pool, writes: writes) }
    public var blobIndex: SQLiteBlobIndex { SQLiteBlobIndex(pool: pool, writes: writes) }
    public var keys: SQLiteAPIKeyStore { SQLiteAPIKeyStore(pool: pool, writes: writes, counter: revocations) }

    /// Whether the database answers a trivial query (for readiness checks).
    public func ping() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-keys-and-jobs") { db in
            try db.execute(sql: """
                CREATE TABLE api_keys (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    prefix TEXT NOT NULL,
                    secret_hash TEXT NOT NULL UNIQUE,
                    created_at INTEGER NOT NULL,
                    revoked_at INTEGER
                );
                CREATE TABLE jobs (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    key_id TEXT NOT NULL REFERENCES api_keys(id),
                    model TEXT NOT NULL,
                    engine TEXT NOT NULL,
                    args_json TEXT NOT NULL,
                    callback_url TEXT,
                    status INTEGER NOT NULL,
                    progress REAL NOT NULL DEFAULT 0,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    max_attempts INTEGER NOT NULL,
                    lease_owner TEXT,
                    lease_expires_at INTEGER,
                    amount_units INTEGER NOT NULL,
                    amount_scale INTEGER NOT NULL,
                    refunded INTEGER NOT NULL DEFAULT 0,
                    error_code TEXT,
                    error_message TEXT,
                    images_json TEXT NOT NULL DEFAULT '[]',
                    not_applied_json TEXT NOT NULL DEFAULT '[]',
                    actual_prompt TEXT,
                    created_at INTEGER NOT NULL,
                    started_at INTEGER,
                    finished_at INTEGER
                );
                CREATE INDEX jobs_claimable ON jobs(status, seq);
                CREATE INDEX jobs_by_key ON jobs(key_id, seq);
                """)
        }
        migrator.registerMigration("v2-callbacks-idempotency-blobs") { db in
            try db.execute(sql: """
                ALTER TABLE api_keys ADD COLUMN webhook_secret TEXT NOT NULL DEFAULT '';
                ALTER TABLE jobs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE idempotency_keys (
                    key_id TEXT NOT NULL,
                    idempotency_key TEXT NOT NULL,
                    body_digest TEXT NOT NULL,
                    job_id TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (key_id, idempotency_key)
                );
                CREATE TABLE callbacks (
                    job_id TEXT PRIMARY KEY REFERENCES jobs(id),
                    url TEXT NOT NULL,
                    webhook_id TEXT NOT NULL,
                    payload TEXT,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER NOT NULL,
                    lease_owner TEXT,
                    lease_expires_at INTEGER,
                    last_error TEXT,
                    delivered_at INTEGER,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX callbacks_due ON callbacks(status, next_attempt_at);
                CREATE TABLE blobs (
                    name TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    key_id TEXT NOT NULL,
                    job_id TEXT,
                    content_type TEXT NOT NULL,
                    width INTEGER NOT NULL,
                    height INTEGER NOT NULL,
                    byte_count INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    deleted_at INTEGER
                );
                CREATE INDEX blobs_expiry ON blobs(deleted_at, expires_at);
                """)
            // Keys made before callbacks existed get a signing secret of their own.
            for id in try String.fetchAll(db, sql: "SELECT id FROM api_keys WHERE webhook_secret = ''") {
                try db.execute(sql: "UPDATE api_keys SET webhook_secret = ? WHERE id = ?",
                               arguments: [WebhookSigner.makeSecret(), id])
            }
        }
        migrator.registerMigration("v3-job-counts") { db in
            // Jobs per status and key, kept by triggers in the transaction of every change:
            // each create checks the queue limit and its key's unfinished jobs, which COUNT(*)
            // would find by stepping through every waiting row, with the writer held.
            try db.execute(sql: """
                CREATE TABLE job_counts (
                    status INTEGER NOT NULL,
                    key_id TEXT NOT NULL,
                    jobs INTEGER NOT NULL,
                    PRIMARY KEY (status, key_id)
                ) WITHOUT ROWID;
                INSERT INTO job_counts (status, key_id, jobs) SELECT status, key_id, COUNT(*) FROM jobs GROUP BY status, key_id;
                CREATE TRIGGER job_counts_insert AFTER INSERT ON jobs BEGIN
                    INSERT INTO job_counts (status, key_id, jobs) VALUES (NEW.status, NEW.key_id, 1)
                    ON CONFLICT (status, key_id) DO UPDATE SET jobs = jobs + 1;
                END;
                CREATE TRIGGER job_counts_update AFTER UPDATE OF status, key_id ON jobs
                WHEN OLD.status != NEW.status OR OLD.key_id != NEW.key_id BEGIN
                    UPDATE job_counts SET jobs = jobs - 1 WHERE status = OLD.status AND key_id = OLD.key_id;
                    INSERT INTO job_counts (status, key_id, jobs) VALUES (NEW.status, NEW.key_id, 1)
                    ON CONFLICT (status, key_id) DO UPDATE SET jobs = jobs + 1;
                END;
                CREATE TRIGGER job_counts_delete AFTER DELETE ON jobs BEGIN
                    UPDATE job_counts SET jobs = jobs - 1 WHERE status = OLD.status AND key_id = OLD.key_id;
                END;
                """)
        }
        migrator.registerMigration("v4-queued-by-key") { db in
            // A claim looks for the oldest queued job of each key below its running limit:
            // one probe per waiting key, however many jobs a key at its limit has queued
            // (stepping over them held the writer for a time that grew with the queue).
            try db.execute(sql: "CREATE INDEX jobs_by_status_key ON jobs(status, key_id, seq)")
        }
        return migrator
    }
}
