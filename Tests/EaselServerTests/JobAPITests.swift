import EaselImaging
import Foundation
import Testing

/// The hosted API's create → query → download flow and its error answers, over a real socket.
@Suite struct JobAPITests {
    @Test func createQueryDownload() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png(width: 800, height: 600))
        defer { Task { await images.stop() } }
        try await EaselHarness.run { api in
            let created = try await api.create([
                "prompt": "make it warmer and slightly brighter",
                "image_urls": ["\(images.baseURL)/image.png"],
                "width": 1280, "height": 720, "num_images": 2,
            ])
            #expect(created.status == 200)
            let json = created.json
            #expect(json["code"].int == 0)
            let id = try #require(json["data"]["job_id"].string)
            #expect(json["job_id"].string == id)
            #expect(json["data"]["amount"].string == "0.052")

            let done = try await api.waitForTerminal(id)
            #expect(done["status"].int == 2, "\(String(describing: done.value))")
            #expect(done["job_id"].string == id)
            #expect(done["model"].string == "alibaba/wan-2.6/image-to-image")
            #expect(done["engine"].string == "classic")
            #expect(done["progress"].double == 1)
            #expect(done["amount"].string == "0.052")
            #expect(done["refunded"].bool == false)
            #expect(done["attempts"].int == 1)
            #expect(done["error"].isNull)
            for key in ["created_at", "started_at", "finished_at"] {
                #expect(done[key].string?.hasSuffix("Z") == true, "\(key)")
            }
            let results = try #require(done["result"]["images"].array)
            #expect(results.count == 2)
            for result in results {
                let url = try #require(result["url"].string)
                #expect(url.hasPrefix("http://easel.test/v1/files/"))
                #expect(result["width"].int == 1280 && result["height"].int == 720)
                #expect(result["content_type"].string == "image/png")
                let file = try await api.download(url)
                #expect(file.status == 200)
                #expect(file.headers[.contentType] == "image/png")
                let raster = try Raster.decode(file.body)
                #expect(raster.width == 1280 && raster.height == 720)
            }
            #expect(images.requests == ["/image.png"])
        }
    }

    @Test func dataURLInputAndOtherFormats() async throws {
        try await EaselHarness.run { api in
            let created = try await api.create([
                "prompt": "black and white", "image_urls": [try ImageFixture.dataURL()],
                "width": 768, "height": 1024, "output_format": "jpeg",
            ])
            let id = try #require(created.json["job_id"].string)
            let done = try await api.waitForTerminal(id)
            #expect(done["status"].int == 2)
            let image = done["result"]["images"][0]
            #expect(image["content_type"].string == "image/jpeg")
            let file = try await api.download(try #require(image["url"].string))
            let raster = try Raster.decode(file.body)
            #expect(raster.width == 768 && raster.height == 1024)
            #expect(try raster.statistics().meanChroma < 2)
        }
    }

    @Test func validationErrorsNameTheFieldAndRule() async throws {
        try await EaselHarness.run { api in
            let reply = try await api.create(["prompt": "warmer", "image_urls": ["https://e.com/a.png"], "width": 100, "height": 1024])
            #expect(reply.status == 400)
            #expect(reply.json["code"].int == 1001)
            #expect(reply.json["message"].string == "args.width: must be between 384 and 2560 (got 100)")

            let malformed = try await api.request(.post, "/api/v1/job/create", body: Data("{nope".utf8))
            #expect(malformed.status == 400)
            #expect(malformed.json["code"].int == 1000)
            #expect(malformed.json["message"].string == "body: must be valid JSON (expected a key in double quotes at byte 1)")

            let unknown = try await api.create(["prompt": "x"], model: "acme/model")
            #expect(unknown.status == 400)
            #expect(unknown.json["code"].int == 1002)
            #expect(unknown.json["message"].string?.contains("this server serves: alibaba/wan-2.6/image-to-image") == true)

            let noID = try await api.request(.get, "/api/v1/job/query")
            #expect(noID.status == 400)
            #expect(noID.json["message"].string?.hasPrefix("id: query parameter is required") == true)

            let route = try await api.request(.get, "/api/v1/nothing")
            #expect(route.status == 404)
            #expect(route.json["code"].int == 2004)
        }
    }

    @Test func bodiesOverTheCapAreRefused() async throws {
        try await EaselHarness.run(configure: { $0.maxBodyBytes = 4096 }) { api in
            let reply = try await api.create([
                "prompt": String(repeating: "a", count: 100), "image_urls": ["data:image/png;base64," + String(repeating: "A", count: 8000)],
                "width": 1024, "height": 1024,
            ])
            #expect(reply.status == 413)
            #expect(reply.json["code"].int == 1003)
            #expect(reply.json["message"].string == "body: must be at most 4 KiB")
        }
    }

    @Test func authIsRequiredAndKeysSeeOnlyTheirJobs() async throws {
        try await EaselHarness.run { api in
            let args: [String: Any] = ["prompt": "brighter", "image_urls": [try ImageFixture.dataURL()], "width": 1024, "height": 1024]
            let missing = try await api.create(args, key: .some(nil))
            #expect(missing.status == 401)
            #expect(missing.json["code"].int == 2001)
            #expect(missing.json["message"].string?.hasPrefix("Authorization: missing") == true)
            let wrong = try await api.create(args, key: "esk_not-a-real-key")
            #expect(wrong.status == 401)
            let basic = try await api.request(.get, "/api/v1/job/query?id=x", key: .some(nil), headers: [.authorization: "Basic abc"])
            #expect(basic.status == 401)

            let id = try #require(try await api.create(args).json["job_id"].string)
            #expect(try await api.query(id).status == 200)
            let foreign = try await api.query(id, key: api.otherKey)
            #expect(foreign.status == 404)
            #expect(foreign.json["code"].int == 2004)
            let absent = try await api.query("0123456789abcdef", key: api.otherKey)
            #expect(absent.json["message"].string == foreign.json["message"].string?.replacingOccurrences(of: id, with: "0123456789abcdef"))

            // A revoked key stops working at once.
            let keyID = try #require(try await api.keys.allKeys().first { $0.name == "second" }?.id)
            #expect(try await api.keys.revoke(id: keyID) != nil)
            #expect(try await api.query(id, key: api.otherKey).status == 401)
        }
    }

    /// Fields the hosted API might add (or a client's typo) inside `args` are neither refused
    /// nor read: the edit comes out byte for byte as without them.
    @Test func unknownArgsAreIgnored() async throws {
        try await EaselHarness.run { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024, "seed": 7]
            var extended = args
            extended["style_preset"] = "anime"
            extended["guidance_scale"] = "not even a number"
            extended["watermark"] = ["position": [1, 2]]
            let created = try await api.create(extended)
            #expect(created.status == 200, "\(created.json["message"].string ?? "")")
            let withExtras = try await api.waitForTerminal(try #require(created.json["job_id"].string))
            let plain = try await api.waitForTerminal(try #require(try await api.create(args).json["job_id"].string))
            #expect(withExtras["status"].int == 2 && plain["status"].int == 2)
            let extraBytes = try await api.download(try #require(withExtras["result"]["images"][0]["url"].string)).body
            let plainBytes = try await api.download(try #require(plain["result"]["images"][0]["url"].string)).body
            #expect(!extraBytes.isEmpty && extraBytes == plainBytes)
        }
    }

    /// What the engine understood but could not do is told on the job, not silently dropped;
    /// a job with nothing left out has no `not_applied` at all.
    @Test func phrasesNotAppliedAreShownOnTheJob() async throws {
        try await EaselHarness.run { api in
            let image = try ImageFixture.dataURL(width: 64, height: 64)
            let partly = try #require(try await api.create([
                "prompt": "Remove the person in the back and make it warmer", "image_urls": [image], "width": 1024, "height": 1024,
            ]).json["job_id"].string)
            let done = try await api.waitForTerminal(partly)
            #expect(done["status"].int == 2)
            #expect(done["not_applied"].array?.compactMap(\.string).map { $0.components(separatedBy: ": ")[0] } == ["Remove the person in the back"])

            let fully = try #require(try await api.create(["prompt": "make it warmer", "image_urls": [image], "width": 1024, "height": 1024]).json["job_id"].string)
            let clean = try await api.waitForTerminal(fully)
            #expect(clean["status"].int == 2)
            #expect(!clean.keys.contains("not_applied"))
        }
    }

    /// The classic engine's plan is on every done job, `prompt_extend` or not; a job refused
    /// because every clause needs a region mask lists the clauses in `not_applied` too.
    @Test func thePlanAndTheClausesNotAppliedAreAlwaysShown() async throws {
        try await EaselHarness.run { api in
            let image = try ImageFixture.dataURL(width: 64, height: 64)
            let planned = try #require(try await api.create([
                "prompt": "make it warmer", "image_urls": [image], "width": 1024, "height": 1024,
            ]).json["job_id"].string)
            let done = try await api.waitForTerminal(planned)
            #expect(done["actual_prompt"].string == "temperature +1")

            let regional = try #require(try await api.create([
                "prompt": "soften the skin", "image_urls": [image], "width": 1024, "height": 1024,
            ]).json["job_id"].string)
            let failed = try await api.waitForTerminal(regional)
            #expect(failed["status"].int == 3)
            #expect(failed["error"]["code"].string == "unsupported_prompt")
            let notApplied = failed["not_applied"].array?.compactMap(\.string) ?? []
            #expect(notApplied.count == 1 && notApplied.first?.hasPrefix("soften the skin: needs a mask of the skin") == true,
                    "\(notApplied)")
        }
    }

    @Test func failedJobsAreRefundedAndSayWhy() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        defer { Task { await images.stop() } }
        try await EaselHarness.run { api in
            let cases: [(args: [String: Any], code: String, message: String)] = [
                (["prompt": "warmer", "image_urls": ["\(images.baseURL)/broken.png"]], "input_undecodable", "image_urls[0]"),
                (["prompt": "warmer", "image_urls": ["\(images.baseURL)/missing.png"]], "input_fetch_failed", "404"),
                (["prompt": "warmer", "image_urls": ["data:image/png;base64,@@@"]], "input_fetch_failed", "image_urls[0]"),
                (["prompt": "put a hat on the cat", "image_urls": [try ImageFixture.dataURL()]], "unsupported_prompt", "diffusion"),
                // A JPEG whose header claims more pixels than its data holds is damaged, not grey.
                (["prompt": "warmer", "image_urls": [try ImageFixture.jpegClaimingMorePixelsThanItHolds()]],
                 "input_undecodable", "image_urls[0]"),
                // The rules an upload meets hold for a data: URL as well.
                (["prompt": "warmer", "image_urls": [
                    "data:image/png;base64," + (try ImageFixture.png() + Data("<html><script>alert(1)</script></html>".utf8)).base64EncodedString(),
                ]], "input_undecodable", "38 bytes after its IEND chunk"),
            ]
            for testCase in cases {
                var args = testCase.args
                args["width"] = 1024
                args["height"] = 1024
                args["num_images"] = 2
                let id = try #require(try await api.create(args).json["job_id"].string)
                let done = try await api.waitForTerminal(id)
                #expect(done["status"].int == 3)
                #expect(done["refunded"].bool == true)
                #expect(done["amount"].string == "0.052")
                #expect(done["error"]["code"].string == testCase.code, "\(String(describing: done.value))")
                #expect(done["error"]["message"].string?.contains(testCase.message) == true, "\(String(describing: done["error"].value))")
                #expect(done["result"].isNull)
            }
        }
    }

    @Test func unknownFilesAre404() async throws {
        try await EaselHarness.run { api in
            for path in ["/v1/files/nope.png", "/v1/files/..%2Feasel.sqlite", "/v1/files/.hidden"] {
                let reply = try await api.request(.get, path, key: .some(nil))
                #expect(reply.status == 404, "\(path)")
            }
        }
    }

    @Test func busyQueueAnswersCode3000() async throws {
        try await EaselHarness.run(configure: { $0.queueLimit = 1; $0.workers = 1 }) { api in
            let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
            images.hold()
            let args: [String: Any] = ["prompt": "warmer", "image_urls": ["\(images.baseURL)/slow.png"], "width": 1024, "height": 1024]
            // The first job runs (held at its fetch), the second waits, the third is refused.
            _ = try await api.create(args)
            try await eventually("the first job to fetch its input") { !images.requests.isEmpty }
            #expect(try await api.create(args).status == 200)
            let refused = try await api.create(args)
            #expect(refused.status == 503)
            #expect(refused.json["code"].int == 3000)
            await images.stop()
        }
    }
}
