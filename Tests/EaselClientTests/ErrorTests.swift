import EaselClient
import Foundation
import Testing

/// API errors come back typed, with the API's own code and message.
@Suite struct ErrorTests {
    @Test func aBadKeyIsCode2001() async throws {
        try await LiveEasel.run { easel in
            let stranger = EaselClient(baseURL: easel.baseURL, key: "esk_not_a_key")
            let error = try await #require(throws: EaselClientError.self) { try await stranger.list() }
            #expect(error.kind == .api)
            #expect(error.code == 2001)
            #expect(error.httpStatus == 401)
            #expect(error.message == "Authorization: the API key is not valid or was revoked")
            #expect(error.url == easel.baseURL + "/api/v1/job/list")
        }
    }

    @Test func brokenArgumentRulesAreCode1001NamingEachField() async throws {
        try await LiveEasel.run { easel in
            let arguments = EditArguments(
                prompt: "warmer", imageURLs: [try TestImage.dataURL()], width: 100, height: 768, numImages: 5)
            let error = try await #require(throws: EaselClientError.self) { try await easel.client.create(arguments) }
            #expect(error.kind == .api)
            #expect(error.code == 1001)
            #expect(error.httpStatus == 400)
            #expect(error.message == "args.num_images: must be between 1 and 4 (got 5); args.width: must be between 384 and 2560 (got 100)")
        }
    }

    @Test func anUnknownJobIsCode2004() async throws {
        try await LiveEasel.run { easel in
            let error = try await #require(throws: EaselClientError.self) { try await easel.client.query("no-such-job") }
            #expect(error.kind == .api)
            #expect(error.code == 2004)
            #expect(error.httpStatus == 404)
        }
    }

    @Test func aServerThatIsNotThereIsUnreachableNamingTheURL() async throws {
        // Port 9 (discard) on loopback: nothing listens there on a test machine.
        let client = EaselClient(baseURL: "http://127.0.0.1:9/", key: "esk_x", timeout: .seconds(10))
        let error = try await #require(throws: EaselClientError.self) { try await client.query("x") }
        #expect(error.kind == .unreachable)
        #expect(error.url == "http://127.0.0.1:9/api/v1/job/query?id=x")
        #expect(error.description.hasPrefix("cannot reach http://127.0.0.1:9/api/v1/job/query?id=x: "))
    }
}
