import Testing

/// `GET /api/v1/models`: what `model` in job/create accepts, for clients that offer a choice.
@Suite struct ModelsTests {
    @Test func listsExactlyTheServedModels() async throws {
        try await EaselHarness.run { api in
            let reply = try await api.request(.get, "/api/v1/models")
            #expect(reply.status == 200)
            let models = try #require(reply.json["data"]["models"].array)
            #expect(models.compactMap { $0["id"].string } == ["alibaba/wan-2.6/image-to-image", "easel/classic"])
            for model in models {
                #expect(model["engine"].string == "classic")
                #expect(model["max_input_images"].int == 4)
                #expect(model["price_per_image"].string == "0.026")
            }
            // Each listed id is one job/create accepts; an unknown one names the same list.
            let refused = try await api.create(["prompt": "warmer"], model: "nope/none")
            #expect(refused.json["code"].int == 1002)
            for model in models {
                #expect(refused.json["message"].string?.contains(model["id"].string ?? "-") == true)
            }
        }
    }

    @Test func needsAKey() async throws {
        try await EaselHarness.run { api in
            let reply = try await api.request(.get, "/api/v1/models", key: .some(nil))
            #expect(reply.status == 401)
            #expect(reply.json["code"].int == 2001)
        }
    }
}
