import EaselCore
import Foundation
import GRDB

/// Retention of uploads and results in the `blobs` table.
public struct SQLiteBlobIndex: BlobIndex {
    let pool: DatabasePool
    /// Every write, batched with the others (`GroupCommit`).
    let writes: GroupCommit

    public func recordUpload(_ upload: UploadRecord) async throws {
        try await writes.write { db in
            try db.execute(
                sql: """
                    INSERT INTO blobs (name, kind, key_id, content_type, width, height, byte_count, created_at, expires_at)
                    VALUES (?, 'upload', ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [upload.name, upload.keyID, upload.contentType, upload.width, upload.height,
                            upload.byteCount, Millis.now(), Millis.from(upload.expiresAt)])
        }
    }

    public func state(of name: String) async throws -> BlobState {
        let now = Millis.now()
        return try await pool.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT content_type, expires_at, deleted_at FROM blobs WHERE name = ?", arguments: [name])
            else { return .unknown }
            let expires: Int64 = row["expires_at"]
            if (row["deleted_at"] as Int64?) != nil || expires <= now { return .expired }
            return .live(contentType: row["content_type"])
        }
    }

    public func expired(limit: Int) async throws -> [String] {
        let now = Millis.now()
        return try await pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM blobs WHERE deleted_at IS NULL AND expires_at <= ? ORDER BY expires_at LIMIT ?",
                arguments: [now, limit])
        }
    }

    public func unindexed(_ names: [String]) async throws -> [String] {
        try await pool.read { db in
            try names.filter { name in
                try Int.fetchOne(db, sql: "SELECT 1 FROM blobs WHERE name = ?", arguments: [name]) == nil
            }
        }
    }

    public func markDeleted(_ names: [String]) async throws {
        let now = Millis.now()
        try await writes.write { db in
            for name in names {
                try db.execute(sql: "UPDATE blobs SET deleted_at = ? WHERE name = ?", arguments: [now, name])
            }
        }
    }
}
