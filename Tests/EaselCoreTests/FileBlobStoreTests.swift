import EaselCore
import Foundation
import Testing

@Suite struct FileBlobStoreTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-blobs-\(UUID().uuidString)")

    @Test func writeReadDelete() async throws {
        let store = try FileBlobStore(directory: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await store.write(Data([1, 2, 3]), name: "abc_DEF-1.png")
        #expect(try await store.read(name: "abc_DEF-1.png") == Data([1, 2, 3]))
        try await store.write(Data([4]), name: "abc_DEF-1.png")
        #expect(try await store.read(name: "abc_DEF-1.png") == Data([4]))
        try await store.delete(name: "abc_DEF-1.png")
        #expect(try await store.read(name: "abc_DEF-1.png") == nil)
        // No temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func anOpenBlobIsReadWholeEvenIfDeletedMeanwhile() async throws {
        let store = try FileBlobStore(directory: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bytes = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        try await store.write(bytes, name: "open.png")
        let reader = try #require(try await store.open(name: "open.png"))
        // The janitor may delete a file while it is being downloaded: the download completes.
        try await store.delete(name: "open.png")
        #expect(try await store.open(name: "open.png") == nil)
        #expect(reader.byteCount == bytes.count)
        #expect(try await reader.read(offset: 99_000, count: 5_000) == bytes.suffix(1_000))
        #expect(try await reader.read(offset: 0, count: 100_000) == bytes)
        await #expect(throws: BlobNameError.self) { try await store.open(name: "../x") }
    }

    @Test(arguments: ["../easel.sqlite", "a/b.png", ".hidden", "", "x%2F..", String(repeating: "a", count: 129)])
    func refusesNamesThatAreNotPlainFileNames(_ name: String) async throws {
        let store = try FileBlobStore(directory: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        await #expect(throws: BlobNameError.self) { try await store.read(name: name) }
        await #expect(throws: BlobNameError.self) { try await store.write(Data(), name: name) }
    }
}
