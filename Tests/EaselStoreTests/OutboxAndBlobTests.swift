import EaselCore
import Foundation
import Testing

/// The callback outbox and the files: what a finished job queues, how deliveries are
/// leased and settled, and how uploads and results are kept and expire.
@Suite struct OutboxAndBlobTests {
    let image = StoredImage(name: "result-1.png", width: 1024, height: 1024, contentType: "image/png", byteCount: 10)

    @Test(arguments: StoreKind.allCases) func aFinishedJobQueuesOneLeasedCallback(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let job = try await db.enqueue(db.newJob(callbackURL: "https://hooks.example.com/easel"))
        let quiet = try await db.enqueue(db.newJob())
        #expect(try await db.callbacks.claimDue(owner: "d1", leaseDuration: .seconds(30)) == nil, "nothing before the job ends")
        _ = try await db.jobs.claimNext(owner: "w", leaseDuration: .seconds(30))
        _ = try await db.jobs.claimNext(owner: "w", leaseDuration: .seconds(30))
        #expect(try await db.jobs.complete(jobID: job.id, owner: "w", outcome: JobOutcome(images: [image])))
        #expect(try await db.jobs.complete(jobID: quiet.id, owner: "w", outcome: JobOutcome(images: [])))

        let secret = try #require(try await db.keys.allKeys().first?.webhookSecret)
        let delivery = try #require(try await db.callbacks.claimDue(owner: "d1", leaseDuration: .seconds(30)))
        #expect(delivery == CallbackDelivery(
            jobID: job.id, keyID: db.keyID, url: "https://hooks.example.com/easel", webhookID: "msg_\(job.id)",
            payload: nil, attempts: 0, signingSecret: secret))
        #expect(try await db.callbacks.claimDue(owner: "d2", leaseDuration: .seconds(30)) == nil, "leased to d1; the other job has no URL")
        #expect(try await db.callbacks.setPayload(jobID: job.id, owner: "d1", payload: "{\"a\":1}"))
        #expect(try await !db.callbacks.setPayload(jobID: job.id, owner: "d1", payload: "{\"b\":2}"), "the body is fixed once")
        #expect(try await !db.callbacks.record(jobID: job.id, owner: "d2", result: .delivered), "only the lease holder settles")

        #expect(try await db.callbacks.record(jobID: job.id, owner: "d1", result: .retry(at: Date().addingTimeInterval(-1), error: "HTTP 503")))
        let again = try #require(try await db.callbacks.claimDue(owner: "d2", leaseDuration: .seconds(30)))
        #expect(again.attempts == 1 && again.payload == "{\"a\":1}" && again.webhookID == "msg_\(job.id)")
        #expect(try await db.callbacks.record(jobID: job.id, owner: "d2", result: .delivered))
        let shown = try #require(try await db.jobs.job(id: job.id, keyID: db.keyID)?.callback)
        #expect(shown.status == .delivered && shown.attempts == 2 && shown.deliveredAt != nil)
        #expect(try await db.callbacks.claimDue(owner: "d3", leaseDuration: .seconds(30)) == nil)
    }

    @Test(arguments: StoreKind.allCases) func uploadsAndResultsAreKeptUntilTheyExpire(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let live = UploadRecord(
            name: "up-live.png", keyID: db.keyID, contentType: "image/png", width: 4, height: 3, byteCount: 7,
            expiresAt: Date().addingTimeInterval(3600))
        let old = UploadRecord(
            name: "up-old.jpg", keyID: db.keyID, contentType: "image/jpeg", width: 4, height: 3, byteCount: 7,
            expiresAt: Date().addingTimeInterval(-1))
        try await db.blobIndex.recordUpload(live)
        try await db.blobIndex.recordUpload(old)
        #expect(try await db.blobIndex.state(of: "up-live.png") == .live(contentType: "image/png"))
        #expect(try await db.blobIndex.state(of: "up-old.jpg") == .expired)
        #expect(try await db.blobIndex.state(of: "nothing.png") == .unknown)
        #expect(try await db.blobIndex.expired(limit: 10) == ["up-old.jpg"])
        try await db.blobIndex.markDeleted(["up-old.jpg"])
        #expect(try await db.blobIndex.expired(limit: 10).isEmpty)
        #expect(try await db.blobIndex.state(of: "up-old.jpg") == .expired)
        #expect(try await db.blobIndex.unindexed(["up-live.png", "stray.png"]) == ["stray.png"])

        // A completed job indexes its results with the store's retention.
        let job = try await db.enqueue(db.newJob())
        _ = try await db.jobs.claimNext(owner: "w", leaseDuration: .seconds(30))
        #expect(try await db.jobs.complete(jobID: job.id, owner: "w", outcome: JobOutcome(images: [image])))
        #expect(try await db.blobIndex.state(of: image.name) == .live(contentType: "image/png"))
    }

    @Test(arguments: StoreKind.allCases) func blobsAreWrittenWholeReadAndDeleted(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let bytes = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try await db.blobs.write(bytes, name: "a.png")
        #expect(try await db.blobs.read(name: "a.png") == bytes)
        try await db.blobs.write(Data("second".utf8), name: "a.png")
        #expect(try await db.blobs.read(name: "a.png") == Data("second".utf8), "a write replaces the blob")
        #expect(try await db.blobs.names(modifiedBefore: Date().addingTimeInterval(60)) == ["a.png"])
        #expect(try await db.blobs.names(modifiedBefore: Date().addingTimeInterval(-60)).isEmpty)
        try await db.blobs.delete(name: "a.png")
        #expect(try await db.blobs.read(name: "a.png") == nil)
        try await db.blobs.delete(name: "a.png")
        #expect(try await db.blobs.read(name: "never.png") == nil)
    }

    @Test(arguments: StoreKind.allCases) func blobsOpenForReadingInPieces(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        let bytes = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let before = Date().addingTimeInterval(-2)
        try await db.blobs.write(bytes, name: "b.png")
        let reader = try #require(try await db.blobs.open(name: "b.png"))
        #expect(reader.byteCount == bytes.count)
        #expect(reader.modifiedAt > before && reader.modifiedAt < Date().addingTimeInterval(2))
        #expect(try await reader.read(offset: 0, count: 10) == bytes.prefix(10))
        #expect(try await reader.read(offset: 123_456, count: 70_000) == bytes.subdata(in: 123_456..<193_456))
        #expect(try await reader.read(offset: 299_990, count: 100) == bytes.suffix(10), "short at the end")
        #expect(try await reader.read(offset: 300_000, count: 100).isEmpty)
        #expect(try await db.blobs.open(name: "never.png") == nil)
    }
}
