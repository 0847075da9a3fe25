import EaselImaging
import Foundation
import HTTPTypes
import Testing

/// `POST /v1/images/edits` as OpenAI's clients call it: the official Python SDK against a
/// live server, and the error envelope its exceptions are built from.
@Suite struct OpenAIImagesTests {
    static var python: String { TinyRunner.packageRoot.appendingPathComponent(".build/clients-venv/bin/python").path }

    @Test func theOfficialSDKEditsAPhoto() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            Issue.record("missing \(Self.python): run scripts/test.sh, which runs scripts/clients/setup.sh")
            return
        }
        try await ProcessScope.run { scope in
            let server = try await scope.start()
            let key = try ProcessTests.firstKey(scope)
            let folder = scope.dataDirectory.deletingLastPathComponent().appendingPathComponent("openai-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let photo = folder.appendingPathComponent("photo.png")
            try ImageFixture.png(width: 900, height: 700).write(to: photo)

            let run = try await ChildCommand.run(
                Self.python,
                [TinyRunner.packageRoot.appendingPathComponent("examples/openai/edit.py").path,
                 photo.path, "make it warmer and brighter", "2"],
                environment: ["OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": key, "HOME": folder.path],
                timeout: .seconds(120))
            #expect(run.status == 0, Comment(rawValue: run.output))
            for index in 1...2 {
                let image = try Raster.decode(try Data(contentsOf: folder.appendingPathComponent("edited-\(index).png")))
                #expect(image.width == 1024 && image.height == 1024)
            }
            // The job is the job API's too.
            let client = LiveClient(http: scope.http, baseURL: server.baseURL, key: key)
            let jobs = JSON(data: try await client.send(.GET, "/api/v1/job/list").body)["data"]["jobs"]
            #expect(jobs.array?.count == 1)
            #expect(jobs[0]["status"].int == 2 && jobs[0]["result"]["images"].array?.count == 2)
        }
    }

    @Test func urlsAnswerWhenAskedFor() async throws {
        try await EaselHarness.run { api in
            let reply = try await Self.edit(api, fields: ["prompt": "cooler", "response_format": "url", "size": "1280x720"])
            #expect(reply.status == 200, "\(String(decoding: reply.body, as: UTF8.self))")
            let url = try #require(reply.json["data"][0]["url"].string)
            // Over a connection of its own: the harness client's may have timed out while the
            // job ran on a loaded machine.
            let path = url.replacingOccurrences(of: "http://easel.test", with: "")
            let image = try Raster.decode(try await api.requestPatiently(.get, path, key: .some(nil)).body)
            #expect(image.width == 1280 && image.height == 720)
            #expect(reply.json["created"].int != nil)
        }
    }

    @Test(arguments: [
        (["prompt": "warmer", "n": "9"], "n", "n: must be"),
        (["prompt": "warmer", "size": "100x100"], "size", "size:"),
        (["prompt": "warmer", "size": "large"], "size", "size: must be WIDTHxHEIGHT"),
        (["prompt": "warmer", "mask": "x"], "mask", "mask: masked edits are not supported"),
        (["prompt": "warmer", "response_format": "jpeg"], "response_format", "response_format: must be url or b64_json"),
        (["prompt": "warmer", "model": "dall-e-2"], "model", "model: unknown model \"dall-e-2\""),
        (["n": "1"], "prompt", "prompt: is required"),
    ])
    func badFormsAnswerInOpenAIsEnvelope(fields: [String: String], param: String, message: String) async throws {
        try await EaselHarness.run { api in
            let reply = try await Self.edit(api, fields: fields)
            #expect(reply.status == 400)
            let error = reply.json["error"]
            #expect(error["type"].string == "invalid_request_error")
            #expect(error["param"].string == param, "\(String(decoding: reply.body, as: UTF8.self))")
            #expect(error["message"].string?.hasPrefix(message) == true, "\(String(describing: error["message"].string))")
        }
    }

    @Test func missingImagesAndBadKeysAnswerInOpenAIsEnvelope() async throws {
        try await EaselHarness.run { api in
            let none = try await Self.edit(api, fields: ["prompt": "warmer"], images: [])
            #expect(none.status == 400 && none.json["error"]["param"].string == "image")
            let stranger = try await Self.edit(api, fields: ["prompt": "warmer"], key: "esk_not-a-key")
            #expect(stranger.status == 401)
            #expect(stranger.json["error"]["type"].string == "authentication_error")
            #expect(stranger.json["error"]["code"].string == "invalid_api_key")
            #expect(stranger.headers[.wwwAuthenticate] == "Bearer realm=\"easel\", error=\"invalid_token\"")
            let keyless = try await Self.edit(api, fields: ["prompt": "warmer"], key: .some(nil))
            #expect(keyless.status == 401 && keyless.headers[.wwwAuthenticate] == "Bearer realm=\"easel\"")
        }
    }

    @Test func aFailedJobAnswersWithItsCode() async throws {
        try await EaselHarness.run { api in
            let reply = try await Self.edit(api, fields: ["prompt": "replace the sky with a dragon"])
            #expect(reply.status == 400, "\(String(decoding: reply.body, as: UTF8.self))")
            #expect(reply.json["error"]["code"].string == "unsupported_prompt")
            #expect(reply.json["error"]["message"].string?.contains("failed") == true)
        }
    }

    /// A multipart form as OpenAI's SDKs send it: fields, then the images as `image[]`.
    static func edit(
        _ api: APIClient, fields: [String: String], images: [Data]? = nil, key: String?? = .none
    ) async throws -> APIClient.Reply {
        let boundary = "easel-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for image in try images ?? [ImageFixture.png()] {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"image[]\"; filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n".utf8)
            body += image + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        // A whole job runs inside the request.
        return try await api.requestPatiently(.post, "/v1/images/edits", key: key, body: body, headers: headers)
    }
}
