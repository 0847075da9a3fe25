import EaselAPI
import EaselCore
import Foundation
import Testing

/// `JSONText` writes the job views by hand; the text must hold what `JSONEncoder` writes for
/// them (with `.withoutEscapingSlashes`), whatever the fields hold. The encoder orders members
/// by hash, differently in every process, so objects are compared parsed; strings and numbers,
/// in arrays, byte for byte.
@Suite struct JSONTextTests {
    static let awkward = "quote \" backslash \\ slash / newline \n tab \t return \r bell \u{07} unit \u{1F} del \u{7F} 中文 é 😀"

    static let views: [JobView] = [
        JobView(
            jobID: "j1", model: "alibaba/wan-2.6/image-to-image", status: .queued, progress: 0,
            result: nil, error: nil, amount: "0.052", refunded: false, engine: "classic", attempts: 0,
            notApplied: nil, actualPrompt: nil, createdAt: "2026-11-30T18:00:00.123Z", startedAt: nil,
            finishedAt: nil, queuePosition: 3),
        JobView(
            jobID: "j2", model: "m", status: .succeeded, progress: 1,
            result: JobResultView(images: [
                .init(url: "http://127.0.0.1:8080/v1/files/a.png", width: 1024, height: 768, contentType: "image/png"),
                .init(url: "http://h/v1/files/b.jpeg", width: 1, height: 2, contentType: "image/jpeg"),
            ]),
            error: nil, amount: "0.104", refunded: false, engine: "diffusion", attempts: 2,
            notApplied: [awkward, "blur the background: needs a subject mask"], actualPrompt: awkward,
            createdAt: "c", startedAt: "s", finishedAt: "f",
            callback: CallbackView(status: "delivered", attempts: 1, lastError: nil, nextAttemptAt: nil, deliveredAt: "d"),
            urls: JobLinksView(get: "http://h/api/v1/job/query?id=j2", cancel: "http://h/c", events: "http://h/e")),
        JobView(
            jobID: "j3", model: "m", status: .failed, progress: 0.33999999999999997,
            result: nil, error: JobErrorView(code: "fetch_failed", message: awkward), amount: "0", refunded: true,
            engine: "classic", attempts: 1, notApplied: [], actualPrompt: "", createdAt: "c", startedAt: nil,
            finishedAt: "f",
            callback: CallbackView(status: "pending", attempts: 3, lastError: "HTTP 503", nextAttemptAt: "n", deliveredAt: nil)),
        JobView(
            jobID: "j4", model: "m", status: .running, progress: 1e-7, result: nil, error: nil, amount: "1",
            refunded: false, engine: "classic", attempts: 1, notApplied: nil, actualPrompt: nil, createdAt: "c",
            startedAt: "s", finishedAt: nil),
    ]

    static func parsed(_ json: [UInt8]) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(json)) as? NSDictionary)
    }

    static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test(arguments: views) func aJobViewIsWrittenAsTheEncoderWritesIt(_ view: JobView) throws {
        let text = JSONText.of(view)
        #expect(try Self.parsed(text) == Self.parsed(Array(try Self.encoded(view).utf8)))
        #expect(try JSONDecoder().decode(JobView.self, from: Data(text)) == view)
    }

    @Test func aPageOfJobsIsWrittenAsTheEncoderWritesIt() throws {
        for page in [JobListView(jobs: Self.views, nextCursor: "c2"), JobListView(jobs: [], nextCursor: nil)] {
            #expect(try Self.parsed(JSONText.of(page)) == Self.parsed(Array(try Self.encoded(page).utf8)))
        }
    }

    @Test func stringsAreEscapedAsTheEncoderEscapesThem() throws {
        let strings = [Self.awkward, "", "plain", "\u{0}\u{8}\u{C}\u{1B}", "ends with \\", "\"quoted\""]
        var text = JSONText()
        text.array(strings) { $0.string($1) }
        #expect(String(decoding: text.bytes, as: UTF8.self) == (try Self.encoded(strings)))
    }

    @Test func numbersReadBackTheSame() throws {
        for value in [0, 1, -1, 0.5, 0.1, 1.0 / 3, 123_456_789.25, 1e-7, 2e21, -0.0] {
            var text = JSONText()
            text.array([value]) { $0.double($1) }
            let parsed = try JSONDecoder().decode([Double].self, from: Data(text.bytes))
            #expect(parsed == [value])
            #expect(String(decoding: text.bytes, as: UTF8.self) == (try Self.encoded([value])))
        }
    }
}
