import EaselCore
import Logging
import PostgresNIO

/// The schema, as numbered migrations applied in order and recorded in `easel_migrations`.
/// `migrate` runs them in one transaction under an advisory lock, so nodes starting at once
/// wait for each other instead of racing, and a failed migration leaves nothing half done.
enum PostgresSchema {
    /// Any 64-bit number, the same for every Easel node: "easel" in ASCII.
    static let migrationLock: Int64 = 0x6561_7365_6C00

    static let migrations: [(version: Int, name: String, sql: [String])] = [
        (1, "keys, jobs, idempotency, callbacks, blobs", [
            """
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                prefix TEXT NOT NULL,
                secret_hash TEXT NOT NULL UNIQUE,
                webhook_secret TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                revoked_at BIGINT
            )
            """,
            """
            CREATE TABLE jobs (
                seq BIGSERIAL PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                key_id TEXT NOT NULL REFERENCES api_keys(id),
                model TEXT NOT NULL,
                engine TEXT NOT NULL,
                args_json TEXT NOT NULL,
                callback_url TEXT,
                status INTEGER NOT NULL,
                progress DOUBLE PRECISION NOT NULL DEFAULT 0,
                attempts INTEGER NOT NULL DEFAULT 0,
                max_attempts INTEGER NOT NULL,
                lease_owner TEXT,
                lease_expires_at BIGINT,
                amount_units BIGINT NOT NULL,
                amount_scale INTEGER NOT NULL,
                refunded BOOLEAN NOT NULL DEFAULT FALSE,
                error_code TEXT,
                error_message TEXT,
                images_json TEXT NOT NULL DEFAULT '[]',
                not_applied_json TEXT NOT NULL DEFAULT '[]',
                actual_prompt TEXT,
                created_at BIGINT NOT NULL,
                started_at BIGINT,
                finished_at BIGINT,
                cancel_requested BOOLEAN NOT NULL DEFAULT FALSE
            )
            """,
            // Partial indexes: the claim's probe of the oldest queued job, and the scan of
            // running jobs, touch only those rows however many finished jobs the table holds.
            "CREATE INDEX jobs_queued ON jobs (seq) WHERE status = \(JobStatus.queued.rawValue)",
            "CREATE INDEX jobs_running ON jobs (key_id, lease_expires_at) WHERE status = \(JobStatus.running.rawValue)",
            "CREATE INDEX jobs_by_key ON jobs (key_id, seq)",
            """
            CREATE TABLE idempotency_keys (
                key_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                body_digest TEXT NOT NULL,
                job_id TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (key_id, idempotency_key)
            )
            """,
            """
            CREATE TABLE callbacks (
                job_id TEXT PRIMARY KEY REFERENCES jobs(id),
                url TEXT NOT NULL,
                webhook_id TEXT NOT NULL,
                payload TEXT,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at BIGINT NOT NULL,
                lease_owner TEXT,
                lease_expires_at BIGINT,
                last_error TEXT,
                delivered_at BIGINT,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX callbacks_due ON callbacks (status, next_attempt_at)",
            """
            CREATE TABLE blobs (
                name TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                key_id TEXT NOT NULL,
                job_id TEXT,
                content_type TEXT NOT NULL,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                byte_count BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                deleted_at BIGINT
            )
            """,
            "CREATE INDEX blobs_expiry ON blobs (expires_at) WHERE deleted_at IS NULL",
            """
            CREATE TABLE blob_contents (
                name TEXT PRIMARY KEY,
                data BYTEA NOT NULL,
                written_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX blob_contents_age ON blob_contents (written_at)",
        ]),
        (2, "unfinished jobs per key", [
            // Counted by every create (`--max-unfinished-per-key`): only the unfinished rows.
            "CREATE INDEX jobs_unfinished ON jobs (key_id) WHERE status IN (\(PostgresJobStore.unfinishedStatuses))",
        ]),
        (3, "queued jobs per key", [
            // The claim's walk over the keys with queued jobs and its probe of each one's
            // oldest: a key at its running limit is passed over without reading its queue.
            "CREATE INDEX jobs_queued_by_key ON jobs (key_id, seq) WHERE status = \(JobStatus.queued.rawValue)",
        ]),
    ]

    /// Applies the migrations this database lacks; returns the versions applied.
    static func migrate(_ client: PostgresClient, logger: Logger) async throws -> [Int] {
        try await client.withTransaction(logger: logger) { connection in
            // Held to the end of the transaction; a second node blocks here until the first is done.
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS easel_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
                logger: logger)
            var applied: Set<Int> = []
            for try await version in try await connection.query("SELECT version FROM easel_migrations", logger: logger).decode(Int.self) {
                applied.insert(version)
            }
            var done: [Int] = []
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.sql {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO easel_migrations (version, name, applied_at) VALUES (\(migration.version), \(migration.name), \(Millis.now()))",
                    logger: logger)
                done.append(migration.version)
            }
            return done
        }
    }
}
