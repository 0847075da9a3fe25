import EaselCore
import Foundation
import Logging
import PostgresNIO

/// Retention of uploads and results in the `blobs` table.
public struct PostgresBlobIndex: BlobIndex {
    let client: GuardedClient
    let logger: Logger

    public func recordUpload(_ upload: UploadRecord) async throws {
        try await client.query("""
            INSERT INTO blobs (name, kind, key_id, content_type, width, height, byte_count, created_at, expires_at)
            VALUES (\(upload.name), 'upload', \(upload.keyID), \(upload.contentType), \(upload.width), \(upload.height),
                \(upload.byteCount), \(Millis.now()), \(Millis.from(upload.expiresAt)))
            """, logger: logger)
    }

    public func state(of name: String) async throws -> BlobState {
        let rows = try await client.query(
            "SELECT content_type, expires_at, deleted_at FROM blobs WHERE name = \(name)", logger: logger)
        for try await (contentType, expires, deleted) in rows.decode((String, Int64, Int64?).self) {
            return deleted != nil || expires <= Millis.now() ? .expired : .live(contentType: contentType)
        }
        return .unknown
    }

    public func expired(limit: Int) async throws -> [String] {
        try await client.query("""
            SELECT name FROM blobs WHERE deleted_at IS NULL AND expires_at <= \(Millis.now())
            ORDER BY expires_at LIMIT \(limit)
            """, logger: logger).decode(String.self).all()
    }

    public func unindexed(_ names: [String]) async throws -> [String] {
        guard !names.isEmpty else { return [] }
        let known = Set(try await client.query(
            "SELECT name FROM blobs WHERE name = ANY(\(names))", logger: logger).decode(String.self).all())
        return names.filter { !known.contains($0) }
    }

    public func markDeleted(_ names: [String]) async throws {
        guard !names.isEmpty else { return }
        try await client.query(
            "UPDATE blobs SET deleted_at = \(Millis.now()) WHERE name = ANY(\(names))", logger: logger)
    }
}
