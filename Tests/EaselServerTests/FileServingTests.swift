import EaselImaging
import Foundation
import HTTPTypes
import Testing

/// `/v1/files/…` as caches, download managers and other origins' pages use it: validators
/// and 304s, single byte ranges, and reads that span the server's read chunks, from disk and
/// from PostgreSQL.
@Suite struct FileServingTests {
    /// An uncompressed PNG of about 1.4 MB: several of the server's 256 KiB read chunks.
    static func largePNG() throws -> Data {
        try Raster.synthetic(width: 800, height: 600, pattern: .quadrants).encoded(as: .png(compression: 0))
    }

    static func upload(_ api: APIClient, _ image: Data) async throws -> String {
        let reply = try await api.request(.post, "/api/v1/files", body: image, headers: [.contentType: "image/png"])
        let url = try #require(reply.json["data"]["url"].string, "\(reply.json.value ?? "")")
        return url.replacingOccurrences(of: "http://easel.test", with: "")
    }

    @Test(arguments: [false, true]) func filesAreSentWholeWithValidators(onPostgres: Bool) async throws {
        try await EaselHarness.run(onPostgres: onPostgres) { api in
            let png = try Self.largePNG()
            #expect(png.count > 4 * 256 * 1024)
            let path = try await Self.upload(api, png)
            let whole = try await api.request(.get, path, key: .some(nil))
            #expect(whole.status == 200)
            #expect(Self.same(whole.body, png), "every chunk arrives, in order: \(Self.difference(whole.body, png))")
            #expect(whole.headers[.contentLength] == String(png.count))
            #expect(whole.headers[.acceptRanges] == "bytes")
            let eTag = try #require(whole.headers[.eTag])
            #expect(eTag.hasPrefix("\"") && eTag.hasSuffix("\"") && eTag.count > 2, "a strong validator: \(eTag)")
            let lastModified = try #require(whole.headers[.lastModified])
            #expect(lastModified.hasSuffix(" GMT") && lastModified.count == 29, "an IMF-fixdate: \(lastModified)")

            let again = try await api.request(.get, path, key: .some(nil))
            #expect(again.headers[.eTag] == eTag && again.headers[.lastModified] == lastModified, "stable")
            let head = try await api.request(.head, path, key: .some(nil))
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(head.headers[.eTag] == eTag && head.headers[.contentLength] == String(png.count))
        }
    }

    @Test(arguments: [false, true]) func conditionalRequestsAnswer304(onPostgres: Bool) async throws {
        try await EaselHarness.run(onPostgres: onPostgres) { api in
            let png = try ImageFixture.png(width: 120, height: 90)
            let path = try await Self.upload(api, png)
            let first = try await api.request(.get, path, key: .some(nil))
            let eTag = try #require(first.headers[.eTag])
            let lastModified = try #require(first.headers[.lastModified])
            func get(_ headers: HTTPFields) async throws -> APIClient.Reply {
                try await api.request(.get, path, key: .some(nil), headers: headers)
            }

            for matching in [eTag, "W/\(eTag)", "\"other\", \(eTag)", "*"] {
                let reply = try await get([.ifNoneMatch: matching])
                #expect(reply.status == 304, "If-None-Match: \(matching)")
                #expect(reply.body.isEmpty)
                #expect(reply.headers[.eTag] == eTag && reply.headers[.lastModified] == lastModified)
                let length = reply.headers[.contentLength]
                #expect(length == nil || length == String(png.count), "what a 200 would send, or nothing: \(length ?? "")")
            }
            let changed = try await get([.ifNoneMatch: "\"other\""])
            #expect(changed.status == 200 && Self.same(changed.body, png))

            #expect(try await get([.ifModifiedSince: lastModified]).status == 304)
            let before = Self.httpDate(minus: 3600, from: lastModified)
            let stale = try await get([.ifModifiedSince: before])
            #expect(stale.status == 200 && Self.same(stale.body, png), "modified since \(before)")
            #expect(try await get([.ifModifiedSince: "not a date"]).status == 200, "an invalid date is ignored")
            // If-None-Match decides when both are sent (RFC 9110 §13.2.2).
            let both = try await get([.ifNoneMatch: "\"other\"", .ifModifiedSince: lastModified])
            #expect(both.status == 200)
            let headNotModified = try await api.request(.head, path, key: .some(nil), headers: [.ifNoneMatch: eTag])
            #expect(headNotModified.status == 304)
        }
    }

    @Test(arguments: [false, true]) func singleByteRangesAreServed(onPostgres: Bool) async throws {
        try await EaselHarness.run(onPostgres: onPostgres) { api in
            let png = try Self.largePNG()
            let total = png.count
            let path = try await Self.upload(api, png)
            let eTag = try #require(try await api.request(.head, path, key: .some(nil)).headers[.eTag])
            func get(_ headers: HTTPFields) async throws -> APIClient.Reply {
                try await api.request(.get, path, key: .some(nil), headers: headers)
            }

            let chunk = 256 * 1024
            let cases: [(range: String, first: Int, last: Int)] = [
                ("bytes=0-99", 0, 99),
                ("bytes=\(chunk - 10)-\(chunk + 9)", chunk - 10, chunk + 9),  // across a read chunk
                ("bytes=\(chunk)-\(3 * chunk + 17)", chunk, 3 * chunk + 17),
                ("bytes=\(total - 100)-", total - 100, total - 1),
                ("bytes=-50", total - 50, total - 1),
                ("bytes=\(total - 5)-\(total + 1000)", total - 5, total - 1),  // clipped at the end
                ("bytes=-\(total + 10)", 0, total - 1),
                ("Bytes = 10-19", 10, 19),
            ]
            for (range, first, last) in cases {
                let reply = try await get([.range: range])
                #expect(reply.status == 206, "\(range)")
                #expect(reply.headers[.contentRange] == "bytes \(first)-\(last)/\(total)", "\(range)")
                #expect(reply.headers[.contentLength] == String(last - first + 1), "\(range)")
                let expected = png.subdata(in: first..<(last + 1))
                #expect(Self.same(reply.body, expected), "\(range): \(Self.difference(reply.body, expected))")
            }

            for unsatisfiable in ["bytes=\(total)-", "bytes=\(total + 5)-\(total + 9)", "bytes=-0", "bytes=99999999999999999999-"] {
                let reply = try await get([.range: unsatisfiable])
                #expect(reply.status == 416, "\(unsatisfiable)")
                #expect(reply.headers[.contentRange] == "bytes */\(total)", "\(unsatisfiable)")
                #expect(reply.json["code"].int == 2016, "\(unsatisfiable)")
            }

            // Ignored, so the whole file is sent: several ranges, other units, nonsense.
            for ignored in ["bytes=0-1,5-6", "lines=1-2", "bytes=5-1", "bytes=x-y", "bytes=-"] {
                let reply = try await get([.range: ignored])
                #expect(reply.status == 200 && Self.same(reply.body, png), "\(ignored)")
                #expect(reply.headers[.contentRange] == nil, "\(ignored)")
            }

            // If-Range: the range only while the file is the one the client has.
            let resumed = try await get([.range: "bytes=100-199", .ifRange: eTag])
            #expect(resumed.status == 206 && Self.same(resumed.body, png.subdata(in: 100..<200)))
            let lastModified = try #require(resumed.headers[.lastModified])
            #expect(try await get([.range: "bytes=100-199", .ifRange: lastModified]).status == 206)
            for other in ["\"not-this-file\"", "W/\(eTag)", Self.httpDate(minus: 60, from: lastModified)] {
                let restarted = try await get([.range: "bytes=100-199", .ifRange: other])
                #expect(restarted.status == 200 && Self.same(restarted.body, png), "If-Range: \(other)")
            }
            // HEAD describes the whole file whatever the range.
            let head = try await api.request(.head, path, key: .some(nil), headers: [.range: "bytes=0-9"])
            #expect(head.status == 200 && head.headers[.contentLength] == String(total))
        }
    }

    @Test func filesAreOpenToEveryOriginAndTheAPIIsNot() async throws {
        try await EaselHarness.run { api in
            let path = try await Self.upload(api, try ImageFixture.png(width: 64, height: 48))
            let page: HTTPFields = [.origin: "https://gallery.example"]
            let file = try await api.request(.get, path, key: .some(nil), headers: page)
            #expect(file.status == 200)
            #expect(file.headers[.accessControlAllowOrigin] == "*")
            #expect(file.headers[.accessControlAllowCredentials] == nil)
            #expect(file.headers[.accessControlExposeHeaders]?.contains("Content-Range") == true)
            // A file's URL is exact: with a trailing slash it names no file.
            let slashed = try await api.request(.get, path + "/", key: .some(nil))
            #expect(slashed.status == 404 && slashed.json["code"].int == 2004, "\(path)/")
            let missing = try await api.request(.get, "/v1/files/nothing.png", key: .some(nil), headers: page)
            #expect(missing.status == 404 && missing.headers[.accessControlAllowOrigin] == "*", "errors are readable too")
            let preflight = try await api.request(.options, path, key: .some(nil), headers: [
                .origin: "https://gallery.example", .accessControlRequestMethod: "GET", .accessControlRequestHeaders: "range",
            ])
            #expect(preflight.status == 204)
            #expect(preflight.headers[.accessControlAllowOrigin] == "*")
            #expect(preflight.headers[.accessControlAllowHeaders]?.contains("Range") == true)

            // The API stays same-origin when no origin is configured.
            let listed = try await api.request(.get, "/api/v1/job/list", headers: page)
            #expect(listed.status == 200)
            #expect(listed.headers[.accessControlAllowOrigin] == nil)
            let apiPreflight = try await api.request(.options, "/api/v1/job/create", key: .some(nil), headers: [
                .origin: "https://gallery.example", .accessControlRequestMethod: "POST",
            ])
            #expect(apiPreflight.status == 405)
            #expect(apiPreflight.headers[.accessControlAllowOrigin] == nil)
        }
    }

    /// Byte equality as a plain Bool: `#expect(a == b)` on megabytes of Data would have the
    /// test library compute an element-wise diff for minutes before reporting.
    static func same(_ got: Data, _ expected: Data) -> Bool { got == expected }

    /// Where two byte strings first differ, for failure messages.
    static func difference(_ got: Data, _ expected: Data) -> String {
        guard let index = zip(got, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else {
            return got.count == expected.count ? "equal" : "\(got.count) bytes, expected \(expected.count)"
        }
        return "\(got.count) bytes, expected \(expected.count); first difference at byte \(index)"
    }

    /// `seconds` before the HTTP date `text`, as an HTTP date.
    static func httpDate(minus seconds: TimeInterval, from text: String) -> String {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "GMT")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        guard let date = format.date(from: text) else { return "unparseable: \(text)" }
        return format.string(from: date.addingTimeInterval(-seconds))
    }
}
