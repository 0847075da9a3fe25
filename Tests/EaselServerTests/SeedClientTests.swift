import Foundation
import Testing

/// The hosted API's three usage examples (curl, JavaScript `fetch`, Python `requests`), run as
/// written (`examples/seed/`, only the base URL, key, image and callback URL changed) against
/// a live `easel serve`: each creates a job, reads its id its own way and polls it once.
@Suite struct SeedClientTests {
    static let examples = TinyRunner.packageRoot.appendingPathComponent("examples/seed")

    @Test(arguments: [
        ["/bin/bash", "create-and-poll.sh"],
        ["/usr/bin/env", "node", "create-and-poll.mjs"],
        ["/usr/bin/env", "python3", "create-and-poll.py"],
    ])
    func exampleCreatesAndPollsAJob(command: [String]) async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png(width: 900, height: 700))
        try await ProcessScope.run { scope in
            let server = try await scope.start()
            let key = try ProcessTests.firstKey(scope)
            let run = try await ChildCommand.run(command[0], Array(command.dropFirst()), environment: [
                "EASEL_URL": server.baseURL, "SHORTAPI_KEY": key,
                "IMAGE_URL": "\(images.baseURL)/image.png", "CALLBACK_URL": "\(images.baseURL)/hook",
            ], directory: Self.examples, timeout: .seconds(180))
            #expect(run.status == 0, "\(command.last ?? ""): \(run.output)")
            // What the example printed is the query answer for the id it read from the create
            // answer: a wrong or doubled id would print an error envelope (code 1000 or 404).
            let printed = run.output
            let id = try #require(printed.firstMatch(of: /[0-9a-f]{32}/).map { String($0.output) }, Comment(rawValue: "no job id in: \(printed)"))
            #expect(printed.range(of: #"["']?code["']?: ?0\b"#, options: .regularExpression) != nil, Comment(rawValue: printed))
            #expect(printed.contains("alibaba/wan-2.6/image-to-image"), Comment(rawValue: printed))

            let client = LiveClient(http: scope.http, baseURL: server.baseURL, key: key)
            let done = try await client.waitFor(id, status: [2, 3, 4])
            #expect(done["status"].int == 2, "\(String(describing: done.value))")
            try await Self.waitForHook(images)
        }
    }

    private static func waitForHook(_ images: ImageScope) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(120)
        while images.hooks.isEmpty {
            guard clock.now < deadline else { throw TimedOut(what: "the example's callback") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
