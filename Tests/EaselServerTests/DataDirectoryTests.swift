import Foundation
import Testing

/// The data directory holds webhook secrets, uploads and results: other local users may not
/// list or read any of it, and an older, readable directory is tightened at start.
@Suite(.serialized) struct DataDirectoryTests {
    static func mode(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require(attributes[.posixPermissions] as? NSNumber).intValue & 0o777
    }

    /// Every file and folder under `directory`, the directory included.
    static func everything(in directory: URL) -> [URL] {
        let walk = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return [directory] + (walk?.compactMap { $0 as? URL } ?? [])
    }

    @Test func aNewDataDirectoryIsOwnerOnly() async throws {
        try await ProcessScope.run { scope in
            let server = try await scope.start()
            let key = try ProcessTests.firstKey(scope)
            let client = LiveClient(http: scope.http, baseURL: server.baseURL, key: key)
            let upload = try await client.sendRaw(.POST, "/api/v1/files", body: try ImageFixture.png(), contentType: "image/png")
            #expect(upload.status == 200)
            let data = scope.dataDirectory
            #expect(try Self.mode(data) == 0o700)
            #expect(try Self.mode(data.appendingPathComponent("easel.sqlite")) == 0o600)
            #expect(try Self.mode(data.appendingPathComponent("initial-api-key.txt")) == 0o600)
            #expect(try Self.mode(data.appendingPathComponent("blobs")) == 0o700)
            let blobs = try FileManager.default.contentsOfDirectory(at: data.appendingPathComponent("blobs"), includingPropertiesForKeys: nil)
            #expect(!blobs.isEmpty)
            for blob in blobs { #expect(try Self.mode(blob) == 0o600, "\(blob.lastPathComponent)") }
        }
    }

    @Test func aReadableDataDirectoryIsTightenedAtStart() async throws {
        try await ProcessScope.run { scope in
            let first = try await scope.start()
            let key = try ProcessTests.firstKey(scope)
            let client = LiveClient(http: scope.http, baseURL: first.baseURL, key: key)
            #expect(try await client.sendRaw(.POST, "/api/v1/files", body: try ImageFixture.png(), contentType: "image/png").status == 200)
            first.terminate()
            first.process.waitUntilExit()
            // As an older Easel, or a careless copy, left it: readable by everyone.
            for url in Self.everything(in: scope.dataDirectory) {
                let isFolder = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
                try FileManager.default.setAttributes([.posixPermissions: isFolder ? 0o755 : 0o644], ofItemAtPath: url.path)
            }
            let second = try await scope.start()
            for url in Self.everything(in: scope.dataDirectory) {
                let isFolder = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
                #expect(try Self.mode(url) == (isFolder ? 0o700 : 0o600), "\(url.path)")
            }
            #expect(second.readOutput().contains("the data directory was readable by other users; made owner-only"))
        }
    }
}
