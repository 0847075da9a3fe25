import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import Testing

@testable import EaselServer

/// gzip for JSON and YAML answers, read back by a client that decompresses as browsers and
/// curl do; never for images.
@Suite struct CompressionTests {
    static let gzip: HTTPFields = [.acceptEncoding: "gzip, deflate, br"]

    /// Media types are case-insensitive and may carry parameters and blanks (RFC 9110 8.3.1).
    @Test func compressibleTypesAreReadWithCaseParametersAndBlanks() {
        for type in ["application/json", "application/json; charset=utf-8", " Application/JSON ;q", "APPLICATION/YAML", "\tapplication/yaml\t"] {
            #expect(CompressionMiddleware<EaselRequestContext>.isCompressible(type), "\(type)")
        }
        for type in [nil, "", "image/png", "application/jsonx", "application/jso", "text/plain; application/json", "application/json5"] {
            #expect(!CompressionMiddleware<EaselRequestContext>.isCompressible(type), "\(type ?? "nil")")
        }
    }

    @Test func jsonAndYAMLAreGzippedForClientsThatAcceptIt() async throws {
        try await EaselHarness.run(configure: { $0.role = .api }) { api in
            let args: [String: Any] = ["prompt": "warmer", "image_urls": [try ImageFixture.dataURL(width: 64, height: 64)], "width": 1024, "height": 1024]
            for _ in 0..<6 { _ = try await api.create(args) }
            let port = try #require(api.client.port)
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(decompression: .enabled(limit: .ratio(200))))
            do {
                for (path, type) in [("/api/v1/job/list", "application/json"), ("/openapi.yaml", "application/yaml")] {
                    let plain = try await api.request(.get, path)
                    #expect(plain.headers[.contentEncoding] == nil, "not asked for: \(path)")
                    #expect(plain.headers[.vary] == "Accept-Encoding", "\(path)")
                    #expect(plain.body.count > 1024, "large enough to compress: \(path)")

                    let packed = try await api.request(.get, path, headers: Self.gzip)
                    #expect(packed.status == 200)
                    #expect(packed.headers[.contentEncoding] == "gzip", "\(path)")
                    #expect(packed.headers[.vary] == "Accept-Encoding", "\(path)")
                    #expect(packed.headers[.contentType]?.hasPrefix(type) == true, "\(path)")
                    #expect(packed.body.starts(with: [0x1F, 0x8B]), "gzip magic: \(path)")
                    #expect(packed.body.count < plain.body.count, "\(path)")
                    #expect(packed.headers[.contentLength] == String(packed.body.count), "\(path)")

                    // A decompressing client reads the same document.
                    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
                    request.headers.add(name: "Authorization", value: "Bearer \(api.key)")
                    let response = try await http.execute(request, timeout: .seconds(30))
                    #expect(response.headers.first(name: "Content-Encoding") == "gzip", "\(path)")
                    let decoded = Data(buffer: try await response.body.collect(upTo: 16 << 20))
                    // Nothing runs in an API-only process: the list reads the same twice (its
                    // keys in any order: JSON objects are unordered).
                    if type == "application/json" {
                        let same = (JSON(data: decoded).value as? NSDictionary)?.isEqual(JSON(data: plain.body).value) == true
                        #expect(same, "\(path): \(String(decoding: decoded, as: UTF8.self))")
                    } else {
                        #expect(decoded == plain.body, "\(path)")
                    }
                }
                let refused = try await api.request(.get, "/openapi.yaml", headers: [.acceptEncoding: "gzip;q=0, identity"])
                #expect(refused.headers[.contentEncoding] == nil, "gzip;q=0 refuses it")
                let wildcard = try await api.request(.get, "/openapi.yaml", headers: [.acceptEncoding: "*"])
                #expect(wildcard.headers[.contentEncoding] == "gzip")
                // Too small to gain: sent as it is, still varying.
                let small = try await api.request(.get, "/healthz", headers: Self.gzip)
                #expect(small.headers[.contentEncoding] == nil && small.headers[.vary] == "Accept-Encoding")
                let head = try await api.request(.head, "/openapi.yaml", headers: Self.gzip)
                #expect(head.headers[.contentEncoding] == "gzip" && head.body.isEmpty)
            } catch {
                try await http.shutdown()
                throw error
            }
            try await http.shutdown()
        }
    }

    @Test func imagesAreSentAsTheyAre() async throws {
        try await EaselHarness.run { api in
            let png = try ImageFixture.png(width: 300, height: 200)
            let upload = try await api.request(.post, "/api/v1/files", body: png, headers: [.contentType: "image/png"])
            let path = try #require(upload.json["data"]["url"].string).replacingOccurrences(of: "http://easel.test", with: "")
            let file = try await api.request(.get, path, key: .some(nil), headers: Self.gzip)
            #expect(file.status == 200 && file.body == png)
            #expect(file.headers[.contentEncoding] == nil)
            #expect(file.headers[.vary] == nil)
        }
    }
}
