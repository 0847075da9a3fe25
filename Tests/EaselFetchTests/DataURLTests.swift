import Foundation
import Testing
@testable import EaselFetch

@Suite("data: URLs")
struct DataURLTests {
    let fetcher = URLFetcher(limits: FetchLimits(maxBodyBytes: 64))

    @Test func decodesBase64() async throws {
        let resource = try await fetcher.fetch("data:image/png;base64,iVBORw0KGgo=")
        #expect(Array(resource.data) == [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        #expect(resource.contentType == "image/png")
        #expect(resource.finalURL == "data:image/png;base64,iVBORw0KGgo=")
    }

    @Test(arguments: [
        ("data:,Hello%2C%20World", "Hello, World", "text/plain;charset=US-ASCII"),
        ("data:text/plain;charset=utf-8,caf%C3%A9", "café", "text/plain;charset=utf-8"),
        ("data:;charset=utf-8,x", "x", "text/plain;charset=utf-8"),
        ("DATA:text/plain;BASE64,aGk=", "hi", "text/plain"),
        ("data:text/plain;base64,aGk", "hi", "text/plain"),  // unpadded
        ("data:text/plain;base64,aG%6C%0A r", "hik", "text/plain"),  // escapes and whitespace
        ("data:text/plain,", "", "text/plain"),
    ])
    func decodesTextAndVariants(url: String, text: String, contentType: String) async throws {
        let resource = try await fetcher.fetch(url)
        #expect(String(decoding: resource.data, as: UTF8.self) == text)
        #expect(resource.contentType == contentType)
    }

    @Test(arguments: [
        ("data:image/png;base64,@@@@", "not valid base64"),
        ("data:image/png;base64,aGk=x", "stray character"),
        ("data:image/png;base64", "no ','"),
        ("data:,%zz", "two hex digits"),
        ("data:,abc%4", "two hex digits"),
        ("data:text/pl\u{1}ain,x", "printable ASCII"),
    ])
    func refusesMalformed(url: String, reason: String) async {
        let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(url) }
        #expect(error?.kind == .invalidURL)
        #expect(error?.description.hasPrefix("invalid data: URL data:") == true)
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func refusesOversizeBodies() async {
        let base64 = Data(repeating: 7, count: 65).base64EncodedString()
        let encoded = await #expect(throws: FetchError.self) {
            try await fetcher.fetch("data:application/octet-stream;base64,\(base64)")
        }
        #expect(encoded?.kind == .tooLarge)
        #expect(encoded?.description.contains("64 bytes limit") == true)

        let huge = String(repeating: "QUJD", count: 100_000)
        let hugeError = await #expect(throws: FetchError.self) { try await fetcher.fetch("data:;base64,\(huge)") }
        #expect(hugeError?.kind == .tooLarge)

        let plain = await #expect(throws: FetchError.self) {
            try await fetcher.fetch("data:," + String(repeating: "%41", count: 65))
        }
        #expect(plain?.kind == .tooLarge)

        let exact = try? await fetcher.fetch("data:," + String(repeating: "a", count: 64))
        #expect(exact?.data.count == 64)
    }

    @Test func shortensDataURLsInMessages() async {
        let url = "data:image/png;base64," + String(repeating: "A", count: 10_000) + "!"
        let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(url) }
        let description = error?.description ?? ""
        #expect(description.count < 200)
        #expect(description.contains("data:image/png;base64,AAAA"))
        #expect(description.contains("(10023 bytes)"))
    }
}
