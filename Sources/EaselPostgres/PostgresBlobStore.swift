import EaselCore
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Uploads and result images as `bytea` rows in `blob_contents`, so that every API node can
/// serve every file. Why `bytea` and not large objects: files are at most the upload cap
/// (20 MiB by default) and are always read whole (downloads too, then sent in pieces); a
/// `bytea` row is written and deleted in the same transaction as anything else, needs no
/// separate `lo_unlink` clean-up, and is copied by an ordinary `pg_dump`. A write replaces
/// the row at once, so no half-written file is ever visible. An object store would replace
/// this type, behind `BlobStore` (docs/OPERATIONS.md says what that takes).
public struct PostgresBlobStore: BlobStore {
    let client: GuardedClient
    let logger: Logger

    public func write(_ data: Data, name: String) async throws {
        try await client.query("""
            INSERT INTO blob_contents (name, data, written_at) VALUES (\(name), \(ByteBuffer(bytes: data)), \(Millis.now()))
            ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data, written_at = EXCLUDED.written_at
            """, logger: logger)
    }

    public func read(name: String) async throws -> Data? {
        let rows = try await client.query("SELECT data FROM blob_contents WHERE name = \(name)", logger: logger)
        for try await buffer in rows.decode(ByteBuffer.self) {
            return Data(buffer: buffer)
        }
        return nil
    }

    public func open(name: String) async throws -> (any BlobReader)? {
        let rows = try await client.query(
            "SELECT data, written_at FROM blob_contents WHERE name = \(name)", logger: logger)
        for try await (buffer, writtenAt) in rows.decode((ByteBuffer, Int64).self) {
            return InMemoryBlobReader(data: Data(buffer: buffer), modifiedAt: Millis.date(writtenAt))
        }
        return nil
    }

    public func delete(name: String) async throws {
        try await client.query("DELETE FROM blob_contents WHERE name = \(name)", logger: logger)
    }

    public func names(modifiedBefore date: Date) async throws -> [String] {
        try await client.query(
            "SELECT name FROM blob_contents WHERE written_at < \(Millis.from(date))", logger: logger
        ).decode(String.self).all()
    }

    /// Writes are single statements: nothing half-written is ever left behind.
    public func removeTemporaryFiles(modifiedBefore date: Date) async throws -> Int { 0 }
}
