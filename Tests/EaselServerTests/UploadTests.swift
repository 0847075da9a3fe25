import AsyncHTTPClient
import EaselImaging
import Foundation
import HTTPTypes
import NIOCore
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

    /// Files are kept for the configured retention from their upload (or their job's end),
    /// then answer 410 and are deleted. Their stored expiry is moved into the past instead of
    /// waiting: the job runs with its upload well inside its retention, however slow the machine.
    @Test func expiredFilesAnswer410AndCannotFeedJobs() async throws {
        try await EaselHarness.run(configure: { $0.retention = .seconds(3600); $0.janitorInterval = .milliseconds(200) }) { api in
            let png = try ImageFixture.png(width: 300, height: 200)
            let before = Date()
            let upload = try await api.request(.post, "/api/v1/files", body: png).json["data"]
            let after = Date()
            let url = try #require(upload["url"].string)
            let expires = try #require(upload["expires_at"].string.flatMap(RFC3339.date))
            // Stored to the millisecond: the upload's moment plus one hour.
            #expect(expires.timeIntervalSince(before) >= 3600 - 0.001 && expires.timeIntervalSince(after) <= 3600 + 0.001,
                    "\(expires) for an upload between \(before) and \(after)")
            let id = try #require(try await api.create(["prompt": "warmer", "image_urls": [url], "width": 1024, "height": 1024]).json["job_id"].string)
            let done = try await api.waitForTerminal(id)
            let result = try #require(done["result"]["images"][0]["url"].string, "\(String(describing: done.value))")
            #expect(try await api.download(result).status == 200)

            let aged = try await StoredRows(dataDirectory: api.dataDirectory)
                .update("UPDATE blobs SET expires_at = ?", [StoredRows.millis(Date()) - 1000])
            #expect(aged == 2, "the upload and the result")
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

    /// Uploads are capped at 20 MiB by default (`--fetch-max-bytes`): a file of exactly that
    /// size is kept, one byte more is refused, and so is a body far over it, with the same limit
    /// named (the endpoint reads a little past the cap for multipart framing).
    @Test func uploadsAreCappedAt20MiB() async throws {
        try await EaselHarness.run { api in
            let cap = 20 * 1024 * 1024
            let atCap = try Self.jpeg(padTo: cap)
            // A client that takes an answer sent before its body is all written (the refusals)
            // and waits as long as a loaded machine needs for 20 MiB.
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            defer { _ = http.shutdown() }
            let port = try #require(api.client.port)
            func upload(_ body: Data) async throws -> (status: Int, json: JSON) {
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/files")
                request.method = .POST
                request.headers.add(name: "Authorization", value: "Bearer \(api.key)")
                request.headers.add(name: "Content-Type", value: "image/jpeg")
                request.body = .bytes(ByteBuffer(bytes: body))
                let response = try await http.execute(request, timeout: .seconds(120))
                return (Int(response.status.code), JSON(data: Data(buffer: try await response.body.collect(upTo: 1 << 20))))
            }
            let kept = try await upload(atCap)
            #expect(kept.status == 200, "\(kept.json["message"].string ?? "")")
            #expect(kept.json["data"]["bytes"].int == cap)
            #expect(kept.json["data"]["content_type"].string == "image/jpeg")

            for size in [cap + 1, cap + 1024 * 1024] {
                let refused = try await upload(try Self.jpeg(padTo: size))
                #expect(refused.status == 413, "\(size)")
                #expect(refused.json["code"].int == 1003, "\(size)")
                #expect(refused.json["message"].string == "body: must be at most 20 MiB", "\(size)")
            }
            let stored = try FileManager.default.contentsOfDirectory(atPath: api.dataDirectory.appendingPathComponent("blobs").path)
            #expect(stored.count == 1, "\(stored)")
        }
    }

    /// A real JPEG grown to exactly `size` bytes with comment segments after its start marker.
    static func jpeg(padTo size: Int) throws -> Data {
        let image = try Raster.synthetic(width: 64, height: 64, pattern: .gradient).encoded(as: .jpeg())
        var padding = Data()
        var left = size - image.count
        while left > 0 {
            // A segment is its marker (2 bytes), its length (2) and up to 65 533 bytes; never
            // leave less than the smallest segment (4 bytes) for the next one.
            var segment = min(left, 2 + 65_535)
            if (1...3).contains(left - segment) { segment -= 4 }
            let length = segment - 2
            padding += Data([0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)])
            padding += Data(repeating: 0x20, count: length - 2)
            left -= segment
        }
        return image.prefix(2) + padding + image.dropFirst(2)
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
