import EaselClient
import EaselImaging
import Foundation
import Testing

/// The SDK's main path against a live server: create, follow, download.
@Suite struct JobLifecycleTests {
    @Test func createWaitAndDownloadARealEdit() async throws {
        try await LiveEasel.run { easel in
            let client = easel.client
            let created = try await client.create(EditArguments(
                prompt: "warmer, more contrast", imageURLs: [try TestImage.dataURL(width: 640, height: 480)],
                width: 1024, height: 768))
            #expect(created.amount == "0.026")

            let updates = try await within(.seconds(60), "the job's updates") {
                var seen: [JobUpdate] = []
                for try await update in client.wait(for: created.id) { seen.append(update) }
                return seen
            }
            // Every update but the last is a job still on its way; the last is the final job.
            for update in updates.dropLast() {
                #expect([JobStatus.queued, .running].contains(update.job.status), "\(update)")
            }
            guard case .finished(let job) = try #require(updates.last) else {
                Issue.record("the updates end with the final job, got \(updates)")
                return
            }
            #expect(job.id == created.id)
            #expect(job.status == .succeeded, "\(String(describing: job.failure))")
            #expect(job.progress == 1)
            #expect(job.engine == "classic")
            #expect(job.finishedAt != nil)
            let image = try #require(job.images.first)
            #expect(job.images.count == 1)
            #expect((image.width, image.height, image.contentType) == (1024, 768, "image/png"))

            let bytes = try await client.download(image.url)
            let raster = try Raster.decode(bytes)
            #expect((raster.width, raster.height) == (1024, 768))
        }
    }

    @Test func anUploadedFileServesAsInputAndResultsDownloadToFiles() async throws {
        try await LiveEasel.run { easel in
            let client = easel.client
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("easel-client-files-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let photo = folder.appendingPathComponent("photo.png")
            try TestImage.png(width: 900, height: 600).write(to: photo)

            let upload = try await client.upload(fileAt: photo)
            #expect(upload.url.hasPrefix(easel.baseURL + "/v1/files/"))
            #expect((upload.width, upload.height, upload.contentType) == (900, 600, "image/png"))
            // The upload URL serves the very bytes sent.
            #expect(try await client.download(upload.url) == (try Data(contentsOf: photo)))

            let created = try await client.create(EditArguments(
                prompt: "sepia, vignette", imageURLs: [upload.url], width: 1152, height: 768, numImages: 2, seed: 7,
                outputFormat: "jpeg"))
            let job = try await within(.seconds(60), "the job to finish") {
                try await client.wait(for: created.id).finalJob()
            }
            #expect(job.status == .succeeded, "\(String(describing: job.failure))")
            #expect(job.images.count == 2)
            for (index, image) in job.images.enumerated() {
                let file = folder.appendingPathComponent("result-\(index).jpg")
                try await client.download(image.url, to: file)
                let raster = try Raster.decode(try Data(contentsOf: file))
                #expect((raster.width, raster.height) == (1152, 768))
                #expect(image.contentType == "image/jpeg")
            }
        }
    }
}
