import Foundation
import Testing

/// The served OpenAPI document against the real `easel` binary.
@Suite struct ConformanceTests {
    /// schemathesis reads the document the server serves and sends it requests generated
    /// from it, valid and invalid: the server must take every valid one, refuse every invalid
    /// one, and answer only what the document describes. The server runs as `--role api`, so
    /// the jobs stay queued and no generated URL is ever fetched.
    @Test func schemathesisFindsNothingAgainstALiveServer() async throws {
        let run = try ConformanceTools.schemathesisRun()
        try await ProcessScope.run { scope in
            let server = try await scope.start(extra: ["--role", "api"])
            let key = try ProcessTests.firstKey(scope)
            let result = try await ChildCommand.run(run, [server.baseURL, key], timeout: .seconds(540))
            #expect(result.status == 0, "schemathesis: \(result.output.suffix(30_000))")
        }
    }

    /// Without `--public-url`, `servers` names the address and port the server listens on.
    @Test func theDocumentNamesTheServersOwnPort() async throws {
        try await ProcessScope.run { scope in
            let server = try await scope.start()
            var client = LiveClient(http: scope.http, baseURL: server.baseURL, key: "")
            client.timeout = .seconds(30)
            let document = String(decoding: try await client.send(.GET, "/openapi.yaml").body, as: UTF8.self)
            #expect(document.contains("servers:\n  # Served with this server's public URL (--public-url, else http://HOST:PORT) in its place.\n  - url: \"\(server.baseURL)\"\n"))
        }
    }
}
