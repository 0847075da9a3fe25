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

    @Test(arguments: ["../easel.sqlite", "a/b.png", ".hidden", "", "x%2F..", String(repeating: "a", count: 129)])
    func refusesNamesThatAreNotPlainFileNames(_ name: String) async throws {
        let store = try FileBlobStore(directory: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        await #expect(throws: BlobNameError.self) { try await store.read(name: name) }
        await #expect(throws: BlobNameError.self) { try await store.write(Data(), name: name) }
    }
}
