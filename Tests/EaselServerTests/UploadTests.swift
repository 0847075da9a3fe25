import EaselImaging
import Foundation
import HTTPTypes
import Testing

@Suite struct UploadTests {
    @Test func rawAndMultipartUploadsFeedJobsWithoutAFetch() async throws {
        // No allowlist, and the public URL's host does not resolve: only the local path can work.
        try await EaselHarness.run(configure: { $0.fetchAllow = [] }) { api in
            let png = try ImageFixture.png(width: 300, height: 200)
            let raw = try await api.request(.post, "/api/v1/files", body: png, headers: [.contentType: "image/png"])
            #expect(raw.status == 200)
            let upload = raw.json["data"]
            let url = try #require(upload["url"].string)
            #expect(url.hasPrefix("http://easel.test/v1/files/") && url.hasSuffix(".png"))
            #expect(upload["width"].int == 300 && upload["height"].int == 200)
            #expect(upload["content_type"].string == "image/png")
            #expect(upload["bytes"].int == png.count)
            #expect(upload["expires_at"].string != nil)
            let served = try await api.download(url)
            #expect(served.body == png)
            // Served as the image type it was stored as, never sniffed into a page or run.
            #expect(served.headers[.contentType] == "image/png")
            #expect(served.headers[.xContentTypeOptions] == "nosniff")
            #expect(served.headers[.contentSecurityPolicy] == "default-src 'none'; sandbox")

            // Every pixel is decoded before a file is kept: a cut file and a PNG carrying a
            // page after its end are refused, and nothing is stored.
            let cut = try await api.request(.post, "/api/v1/files", body: png.prefix(png.count / 2), headers: [.contentType: "image/png"])
            #expect(cut.status == 400)
            #expect(cut.json["message"].string?.hasPrefix("file: ") == true, "\(cut.json["message"].string ?? "")")
            let smuggled = try await api.request(
                .post, "/api/v1/files", body: png + Data("<html><script>alert(1)</script></html>".utf8),
                headers: [.contentType: "image/png"])
            #expect(smuggled.status == 400)
            #expect(smuggled.json["message"].string == "file: PNG data has 38 bytes after its IEND chunk")

            let boundary = "easel-test-boundary"
            var form = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n".utf8)
            form += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n".utf8)
            form += png + Data("\r\n--\(boundary)--\r\n".utf8)
            let multipart = try await api.request(.post, "/api/v1/files", body: form,
                                                  headers: [.contentType: "multipart/form-data; boundary=\(boundary)"])
            #expect(multipart.status == 200)
            let second = try #require(multipart.json["data"]["url"].string)
            #expect(try await api.download(second).body == png)

            let id = try #require(try await api.create(["prompt": "brighter", "image_urls": [url, second], "width": 1024, "height": 768]).json["job_id"].string)
            let done = try await api.waitForTerminal(id)
            #expect(done["status"].int == 2, "\(String(describing: done.value))")

            let notImage = try await api.request(.post, "/api/v1/files", body: Data("hello".utf8), headers: [.contentType: "image/png"])
            #expect(notImage.status == 400)
            #expect(notImage.json["message"].string?.hasPrefix("file:") == true)
            let anonymous = try await api.request(.post, "/api/v1/files", key: .some(nil), body: png)
            #expect(anonymous.status == 401)
        }
    }

    @Test func expiredFilesAnswer410AndCannotFeedJobs() async throws {
        try await EaselHarness.run(configure: { $0.retention = .seconds(6); $0.janitorInterval = .milliseconds(200) }) { api in
            let png = try ImageFixture.png(width: 300, height: 200)
            let url = try #require(try await api.request(.post, "/api/v1/files", body: png).json["data"]["url"].string)
            let id = try #require(try await api.create(["prompt": "warmer", "image_urls": [url], "width": 1024, "height": 1024]).json["job_id"].string)
            // Retention must outlast the job on a busy machine; the job itself takes milliseconds.
            let done = try await api.waitForTerminal(id)
            let result = try #require(done["result"]["images"][0]["url"].string, "\(String(describing: done.value))")
            #expect(try await api.download(result).status == 200)

            try await eventually("the files to expire") {
                let upload = try await api.download(url).status
                let output = try await api.download(result).status
                return upload == 410 && output == 410
            }
            let gone = try await api.download(result)
            #expect(gone.status == 410)
            #expect(gone.json["code"].int == 2011)
            let blobs = api.dataDirectory.appendingPathComponent("blobs")
            try await eventually("the janitor to delete the files") {
                try FileManager.default.contentsOfDirectory(atPath: blobs.path).isEmpty
            }
            let late = try #require(try await api.create(["prompt": "warmer", "image_urls": [url], "width": 1024, "height": 1024]).json["job_id"].string)
            let failed = try await api.waitForTerminal(late)
            #expect(failed["status"].int == 3)
            #expect(failed["error"]["message"].string?.contains("has expired") == true)
        }
    }
}

/// Files that no index row owns (a crash between writing a result and completing its job)
/// are swept once old; owned and recent files stay.
@Suite struct OrphanSweepTests {
    @Test func orphansAndTemporaryFilesGoOwnedFilesStay() async throws {
        try await EaselHarness.run(configure: { $0.janitorInterval = .milliseconds(200) }) { api in
            let blobs = api.dataDirectory.appendingPathComponent("blobs")
            let owned = try #require(try await api.request(.post, "/api/v1/files", body: try ImageFixture.png()).json["data"]["url"].string)
            let old = Date().addingTimeInterval(-7200)
            for name in ["orphan.png", ".tmp-deadbeef", "recent-orphan.png"] {
                try Data([1, 2, 3]).write(to: blobs.appendingPathComponent(name))
            }
            for name in ["orphan.png", ".tmp-deadbeef", String(owned.split(separator: "/").last ?? "")] {
                try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: blobs.appendingPathComponent(name).path)
            }
            try await eventually("the orphans to be swept") {
                let left = Set(try FileManager.default.contentsOfDirectory(atPath: blobs.path))
                return !left.contains("orphan.png") && !left.contains(".tmp-deadbeef")
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: blobs.path)
            #expect(left.contains("recent-orphan.png"))
            #expect(try await api.download(owned).status == 200)
        }
    }
}
