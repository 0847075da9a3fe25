import AsyncHTTPClient
import EaselCore
import EaselServer
import Foundation
import HTTPTypes
import Logging
import NIOCore
import Testing

/// What stock HTTP tools expect of any server: 405 with `Allow`, HEAD wherever GET works,
/// challenges on 401, `Retry-After` on 503, a request id on every answer, and numbers that
/// print cleanly.
@Suite struct HTTPConventionsTests {
    @Test func wrongMethodsAnswer405WithAllow() async throws {
        try await EaselHarness.run { api in
            let cases: [(HTTPRequest.Method, String, String)] = [
                (.post, "/healthz", "GET, HEAD"),
                (.delete, "/metrics", "GET, HEAD"),
                (.get, "/api/v1/job/create", "POST"),
                (.put, "/api/v1/job/query", "GET, HEAD"),
                (.delete, "/v1/files/anything.png", "GET, HEAD"),
                (.options, "/api/v1/files", "POST"),
            ]
            for (method, path, allow) in cases {
                let reply = try await api.request(method, path)
                #expect(reply.status == 405, "\(method) \(path)")
                #expect(reply.headers[.allow] == allow, "\(method) \(path)")
                #expect(reply.json["code"].int == 2005, "\(method) \(path)")
                #expect(reply.json["message"].string == "\(method) is not allowed on \(path); use \(allow)")
            }
            // A path no route has stays a 404, with no Allow.
            let missing = try await api.request(.post, "/api/v1/nothing")
            #expect(missing.status == 404)
            #expect(missing.headers[.allow] == nil)
            #expect(missing.json["code"].int == 2004)
        }
    }

    @Test func headAnswersWhereverGetDoesWithTheSameHeadersAndNoBody() async throws {
        try await EaselHarness.run { api in
            let png = try ImageFixture.png(width: 64, height: 48)
            let upload = try await api.request(.post, "/api/v1/files", body: png, headers: [.contentType: "image/png"])
            let file = try #require(upload.json["data"]["url"].string).replacingOccurrences(of: "http://easel.test", with: "")
            for path in ["/healthz", "/readyz", "/metrics", "/openapi.yaml", "/api/v1/job/list", file] {
                let get = try await api.request(.get, path)
                let head = try await api.request(.head, path)
                #expect(get.status == 200, "GET \(path)")
                #expect(head.status == 200, "HEAD \(path)")
                #expect(head.body.isEmpty, "HEAD \(path) has no body")
                #expect(head.headers[.contentType] == get.headers[.contentType], "HEAD \(path)")
                // /metrics may change between the two calls; the others are byte-identical.
                if path != "/metrics" {
                    #expect(head.headers[.contentLength] == String(get.body.count), "HEAD \(path)")
                }
            }
            let unauthorized = try await api.request(.head, "/api/v1/job/list", key: .some(nil))
            #expect(unauthorized.status == 401)
            #expect(unauthorized.body.isEmpty)
        }
    }

    @Test func unauthorizedAnswersCarryABearerChallenge() async throws {
        try await EaselHarness.run { api in
            let missing = try await api.request(.get, "/api/v1/job/list", key: .some(nil))
            #expect(missing.status == 401)
            #expect(missing.headers[.wwwAuthenticate] == "Bearer realm=\"easel\"")
            let basic = try await api.request(
                .get, "/api/v1/job/list", key: .some(nil), headers: [.authorization: "Basic dXNlcjpwYXNz"])
            #expect(basic.status == 401)
            #expect(basic.headers[.wwwAuthenticate] == "Bearer realm=\"easel\"", "no bearer token was sent")
            let wrong = try await api.request(.get, "/api/v1/job/list", key: "esk_not-a-key")
            #expect(wrong.status == 401)
            #expect(wrong.headers[.wwwAuthenticate] == "Bearer realm=\"easel\", error=\"invalid_token\"")
            #expect(wrong.json["code"].int == 2001)
            // One exact form (RFC 6750 §2.1, one space): two spaces are refused, not read as the key.
            let spaced = try await api.request(.get, "/api/v1/job/list", key: .some(nil), headers: [.authorization: "Bearer  \(api.key)"])
            #expect(spaced.status == 401)
            #expect(spaced.json["message"].string?.hasPrefix("Authorization: must be \"Bearer <API key>\"") == true)
            #expect(try await api.request(.get, "/api/v1/job/list").status == 200, "the key itself is good")
        }
    }

    @Test func busyAnswersSayWhenToRetry() async throws {
        // An API-only process runs no jobs: the first stays queued and fills the queue.
        try await EaselHarness.run(configure: { $0.role = .api; $0.queueLimit = 1 }) { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024]
            #expect(try await api.create(args).status == 200)
            let refused = try await api.create(args)
            #expect(refused.status == 503)
            #expect(refused.json["code"].int == 3000)
            #expect(refused.headers[.retryAfter] == "5")
        }
    }

    @Test func everyAnswerCarriesARequestID() async throws {
        try await EaselHarness.run { api in
            let replies = [
                try await api.request(.get, "/healthz"),
                try await api.request(.get, "/healthz"),
                try await api.request(.get, "/api/v1/job/list", key: .some(nil)),
                try await api.request(.get, "/nowhere"),
                try await api.request(.post, "/healthz"),
            ]
            let ids = replies.map { $0.headers[.requestID] ?? "" }
            for id in ids {
                #expect(id.count == 32 && id.allSatisfy(\.isHexDigit), "a fresh id: \(id)")
            }
            #expect(Set(ids).count == ids.count, "one id per request")
            // Random throughout: no part is shared by a process's ids, so none counts requests.
            #expect(Set(ids.map { $0.prefix(16) }).count == ids.count, "\(ids)")
            #expect(Set(ids.map { $0.suffix(8) }).count == ids.count, "\(ids)")
            // JSON is never sniffed into something a browser would run.
            for reply in replies { #expect(reply.headers[.xContentTypeOptions] == "nosniff") }

            let given = "client-7f3a.retry:2_x"
            let echoed = try await api.request(.get, "/api/v1/nowhere", headers: [.requestID: given])
            #expect(echoed.status == 404)
            #expect(echoed.headers[.requestID] == given, "a well-formed client id is kept, errors included")
            for unfit in [String(repeating: "a", count: 129), "has space", "semi;colon", "ünicode"] {
                let replaced = try await api.request(.get, "/healthz", headers: [.requestID: unfit])
                let id = replaced.headers[.requestID] ?? ""
                #expect(id != unfit && id.count == 32, "\(unfit.prefix(20)) is replaced by a fresh id")
            }
        }
    }

    /// The id is in the server's log lines for that request, so an operator can find them
    /// from a client's report.
    @Test func theRequestIDIsInTheLogLinesOfItsRequest() async throws {
        try await ProcessScope.run { scope in
            let server = try await scope.start(extra: ["--log-level", "info"])
            let key = try ProcessTests.firstKey(scope)
            var request = HTTPClientRequest(url: server.baseURL + "/api/v1/job/create")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "X-Request-Id", value: "trace-4b1d-create")
            request.body = .bytes(ByteBuffer(bytes: ProcessTests.createBody(
                ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024])))
            let response = try await scope.http.execute(request, timeout: .seconds(30))
            let body = JSON(data: Data(buffer: try await response.body.collect(upTo: 1 << 20)))
            #expect(response.status == .ok)
            #expect(response.headers.first(name: "X-Request-Id") == "trace-4b1d-create")
            let job = try #require(body["job_id"].string)
            try await eventually("the log line of the create") {
                server.readOutput().split(separator: "\n").contains { $0.contains("job created") && $0.contains(job) }
            }
            let line = server.readOutput().split(separator: "\n").first { $0.contains("job created") && $0.contains(job) }
            #expect(line?.contains("trace-4b1d-create") == true, "\(line ?? "")")
        }
    }

    /// What the HTTP parser refuses — a control character in a header, a broken request line —
    /// is answered like every other error: JSON naming the header and the rule, a request id,
    /// and the connection closed.
    @Test func malformedRequestsAreAnsweredInTheEnvelope() async throws {
        try await ProcessScope.run { scope in
            let server = try await scope.start()
            let cases: [(String, String)] = [
                ("GET /api/v1/job/list HTTP/1.1\r\nHost: easel\r\nAuthorization: Bearer esk_\u{1}abc\r\n\r\n",
                 "Authorization: holds the control character 0x01"),
                ("POST /api/v1/job/create HTTP/1.1\r\nHost: easel\r\nIdempotency-Key: a\u{7f}b\r\nContent-Length: 0\r\n\r\n",
                 "Idempotency-Key: holds the control character 0x7f"),
                ("GE\u{1}T /healthz HTTP/1.1\r\nHost: easel\r\n\r\n", "request: the request line or a header name holds the byte 0x01"),
            ]
            for (request, message) in cases {
                let connection = try RawConnection(port: server.port)
                connection.send(request)
                let answer = await connection.receive(timeout: .seconds(30))
                let (head, body) = try #require(Self.split(answer.text), "\(answer.text)")
                #expect(head.hasPrefix("HTTP/1.1 400 "), "\(head)")
                #expect(head.lowercased().contains("content-type: application/json"), "\(head)")
                #expect(head.lowercased().contains("x-content-type-options: nosniff"), "\(head)")
                let id = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("x-request-id: ") }?.dropFirst(14) ?? ""
                #expect(id.count == 32 && id.allSatisfy(\.isHexDigit), "\(head)")
                let json = JSON(data: Data(body.utf8))
                #expect(json["code"].int == 1001)
                #expect(json["message"].string?.hasPrefix(message) == true, "\(body)")
                #expect(answer.closed, "the connection is closed after the answer")
            }
            // The server serves on.
            let healthy = try await scope.http.execute(HTTPClientRequest(url: server.baseURL + "/healthz"), timeout: .seconds(30))
            #expect(healthy.status == .ok)
        }
    }

    /// An HTTP answer's head and body, split at the blank line.
    static func split(_ text: String) -> (String, String)? {
        guard let blank = text.range(of: "\r\n\r\n") else { return nil }
        return (String(text[..<blank.lowerBound]), String(text[blank.upperBound...]))
    }

    @Test func progressIsRoundedOnTheWire() async throws {
        try await EaselHarness.run(configure: { $0.role = .api }) { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024]
            let id = try #require(try await api.create(args).json["job_id"].string)
            // Play the worker on the same database: claim the job and report an engine's
            // fraction as it comes out of floating point.
            var logger = Logger(label: "progress-test")
            logger.logLevel = .error
            let worker = try await EaselHarness.settings(dataDirectory: api.dataDirectory).openStores(logger: logger)
            let claimed = try await worker.jobs.claimNext(owner: "test-worker", leaseDuration: .seconds(60), perKeyLimit: 10)
            #expect(claimed?.job.id == id)
            #expect(try await worker.jobs.reportProgress(jobID: id, owner: "test-worker", progress: 0.1 + 0.24) == true)
            let text = String(decoding: try await api.query(id).body, as: UTF8.self)
            await worker.close()
            #expect(text.contains("\"progress\":0.34") && !text.contains("0.3399"), "\(text)")
            let listed = String(decoding: try await api.request(.get, "/api/v1/job/list").body, as: UTF8.self)
            #expect(listed.contains("\"progress\":0.34") && !listed.contains("0.3399"), "\(listed)")
        }
    }

    @Test func sizeLimitsAreStatedAsConfigured() async throws {
        try await EaselHarness.run(configure: { $0.fetchMaxBytes = 1024 * 1024 }) { api in
            // Over the limit and over the multipart allowance: refused while reading.
            let huge = try await api.request(
                .post, "/api/v1/files", body: Data(count: 1024 * 1024 + 128 * 1024), headers: [.contentType: "image/png"])
            #expect(huge.status == 413)
            #expect(huge.json["message"].string == "body: must be at most 1 MiB")
            // Over the limit but within the allowance: refused after reading, in the same words.
            let over = try await api.request(
                .post, "/api/v1/files", body: Data(count: 1024 * 1024 + 1), headers: [.contentType: "image/png"])
            #expect(over.status == 413)
            #expect(over.json["message"].string == "body: must be at most 1 MiB")
        }
    }
}

private extension HTTPField.Name {
    static let requestID = Self("X-Request-Id")!
}
