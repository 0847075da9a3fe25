import Foundation
import Testing

/// Input URLs that point back at the server's own network are refused unless allowlisted.
@Suite struct FetchPolicyTests {
    @Test func loopbackFormsAreRefusedWithoutAnAllowlist() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        defer { Task { await images.stop() } }
        let port = images.port
        let forms = [
            "http://127.0.0.1:\(port)/\(images.name)/image.png", "http://localhost:\(port)/\(images.name)/image.png",
            "http://127.1:\(port)/\(images.name)/image.png", "http://2130706433:\(port)/\(images.name)/image.png",
            "http://0x7f000001:\(port)/\(images.name)/image.png", "http://0177.0.0.1:\(port)/\(images.name)/image.png",
            "http://[::1]:\(port)/\(images.name)/image.png", "http://[::ffff:127.0.0.1]:\(port)/\(images.name)/image.png",
            "http://0.0.0.0:\(port)/\(images.name)/image.png", "http://10.0.0.1/image.png",
            "http://169.254.169.254/latest/meta-data", "http://[fe80::1]/image.png",
        ]
        try await EaselHarness.run(configure: { $0.fetchAllow = [] }) { api in
            for url in forms {
                let id = try #require(try await api.create(["prompt": "warmer", "image_urls": [url], "width": 1024, "height": 1024]).json["job_id"].string)
                let done = try await api.waitForTerminal(id)
                #expect(done["status"].int == 3, "\(url)")
                #expect(done["error"]["code"].string == "input_fetch_failed", "\(url)")
                let message = done["error"]["message"].string ?? ""
                #expect(message.hasPrefix("image_urls[0]:"), "\(message)")
                #expect(message.contains("refused"), "\(url): \(message)")
            }
        }
        #expect(images.requests.isEmpty)
    }
}
