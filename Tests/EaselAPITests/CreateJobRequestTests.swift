import EaselAPI
import EaselCore
import Foundation
import Testing

/// The argument rules of the hosted API, each boundary on both sides.
@Suite struct CreateJobRequestTests {
    static let model = "alibaba/wan-2.6/image-to-image"

    static func body(_ args: [String: Any], model: Any = model, extra: [String: Any] = [:]) -> Data {
        var root: [String: Any] = ["model": model, "args": args]
        root.merge(extra) { _, new in new }
        return try! JSONSerialization.data(withJSONObject: root)
    }

    nonisolated(unsafe) static let valid: [String: Any] = [  // never mutated: every use copies it
        "prompt": "make it warmer", "image_urls": ["https://example.com/a.webp"],
        "width": 1024, "height": 1024,
    ]

    static func with(_ key: String, _ value: Any?) -> [String: Any] {
        var args = valid
        args[key] = value
        return args
    }

    static func parse(_ args: [String: Any]) throws(APIError) -> CreateJobRequest {
        try CreateJobRequest.parse(body(args), servedModels: [model])
    }

    @Test func validRequestGetsDefaults() throws {
        let request = try Self.parse(Self.valid)
        #expect(request.model == Self.model)
        #expect(request.edit.numImages == 1)
        #expect(request.edit.promptExtend == false)
        #expect(request.edit.outputFormat == .png)
        #expect(request.edit.negativePrompt == nil)
        #expect(request.callbackURL == nil)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let field: String
        let value: JSONValue?
        let accepted: Bool
        let messagePart: String
        var testDescription: String { "\(field)=\(String(describing: value)) → \(accepted ? "ok" : messagePart)" }
    }

    static let cases: [Case] = {
        let a = String(repeating: "a", count: 2000), a1 = String(repeating: "a", count: 2001)
        let n = String(repeating: "n", count: 500), n1 = String(repeating: "n", count: 501)
        return [
            // prompt: required, ≤ 2000 characters (code points: 2000 emoji are fine)
            Case(field: "prompt", value: nil, accepted: false, messagePart: "args.prompt: is required"),
            Case(field: "prompt", value: .string(""), accepted: false, messagePart: "args.prompt: must contain visible text"),
            Case(field: "prompt", value: .string("   "), accepted: false, messagePart: "args.prompt: must contain visible text"),
            // Blank means no visible character: zero-width spaces, NUL, BOM and bidi marks do not count.
            Case(field: "prompt", value: .string("\u{200B}\u{200B}"), accepted: false, messagePart: "args.prompt: must contain visible text"),
            Case(field: "prompt", value: .string("\u{0}"), accepted: false, messagePart: "args.prompt: must contain visible text"),
            Case(field: "prompt", value: .string("\u{FEFF}\u{200E}\u{3000}\t"), accepted: false, messagePart: "args.prompt: must contain visible text"),
            Case(field: "prompt", value: .string("\u{200B}暖"), accepted: true, messagePart: ""),
            Case(field: "prompt", value: .string(a), accepted: true, messagePart: ""),
            Case(field: "prompt", value: .string(String(repeating: "é", count: 2000)), accepted: true, messagePart: ""),
            Case(field: "prompt", value: .string(a1), accepted: false, messagePart: "args.prompt: must be at most 2000 characters (got 2001)"),
            Case(field: "prompt", value: .number(5), accepted: false, messagePart: "args.prompt: must be a string (got number)"),
            // negative_prompt: optional, ≤ 500
            Case(field: "negative_prompt", value: .string(n), accepted: true, messagePart: ""),
            Case(field: "negative_prompt", value: .string(n1), accepted: false, messagePart: "args.negative_prompt: must be at most 500 characters (got 501)"),
            Case(field: "negative_prompt", value: .bool(true), accepted: false, messagePart: "args.negative_prompt: must be a string"),
            // num_images: 1–4
            Case(field: "num_images", value: .number(0), accepted: false, messagePart: "args.num_images: must be between 1 and 4 (got 0)"),
            Case(field: "num_images", value: .number(1), accepted: true, messagePart: ""),
            Case(field: "num_images", value: .number(4), accepted: true, messagePart: ""),
            Case(field: "num_images", value: .number(5), accepted: false, messagePart: "args.num_images: must be between 1 and 4 (got 5)"),
            Case(field: "num_images", value: .number(2.5), accepted: false, messagePart: "args.num_images: must be an integer (got 2.5)"),
            Case(field: "num_images", value: .string("2"), accepted: false, messagePart: "args.num_images: must be an integer (got string)"),
            // image_urls: required, 1–4
            Case(field: "image_urls", value: nil, accepted: false, messagePart: "args.image_urls: is required"),
            Case(field: "image_urls", value: .array([]), accepted: false, messagePart: "args.image_urls: must hold 1 to 4 URLs (got 0)"),
            Case(field: "image_urls", value: .array(Array(repeating: .string("https://e.com/a.png"), count: 4)), accepted: true, messagePart: ""),
            Case(field: "image_urls", value: .array(Array(repeating: .string("https://e.com/a.png"), count: 5)), accepted: false, messagePart: "args.image_urls: must hold 1 to 4 URLs (got 5)"),
            Case(field: "image_urls", value: .string("https://e.com/a.png"), accepted: false, messagePart: "args.image_urls: must be an array of URL strings (got string)"),
            Case(field: "image_urls", value: .array([.string("ftp://e.com/a.png")]), accepted: false, messagePart: "args.image_urls[0]: scheme must be http, https or data"),
            Case(field: "image_urls", value: .array([.string("https://e.com/a.png"), .number(1)]), accepted: false, messagePart: "args.image_urls[1]: must be a string (got number)"),
            Case(field: "image_urls", value: .array([.string("not a url")]), accepted: false, messagePart: "args.image_urls[0]: must be an absolute http or https URL"),
            Case(field: "image_urls", value: .array([.string("data:image/png;base64,AAAA")]), accepted: true, messagePart: ""),
            Case(field: "image_urls", value: .array([.string("data:image/png;base64")]), accepted: false, messagePart: "args.image_urls[0]: must be a valid data: URL"),
            Case(field: "image_urls", value: .array([.string("DaTa:image/png;base64,AAAA")]), accepted: true, messagePart: ""),
            // A combining mark after the ',' or the ':' (found by schemathesis) does not hide them.
            Case(field: "image_urls", value: .array([.string("data:,\u{0653}")]), accepted: true, messagePart: ""),
            Case(field: "image_urls", value: .array([.string("data:\u{0301}image/png,AAAA")]), accepted: true, messagePart: ""),
            Case(field: "image_urls", value: .array([.string("data\u{1A}image/png,AAAA")]), accepted: false, messagePart: "args.image_urls[0]: must be an absolute http or https URL"),
            // width/height: required, 384–2560 (other side chosen to keep pixels and ratio legal)
            Case(field: "width", value: nil, accepted: false, messagePart: "args.width: is required"),
            Case(field: "height", value: nil, accepted: false, messagePart: "args.height: is required"),
            Case(field: "width", value: .number(383), accepted: false, messagePart: "args.width: must be between 384 and 2560 (got 383)"),
            Case(field: "width", value: .number(2561), accepted: false, messagePart: "args.width: must be between 384 and 2560 (got 2561)"),
            Case(field: "height", value: .number(383), accepted: false, messagePart: "args.height: must be between 384 and 2560 (got 383)"),
            Case(field: "width", value: .string("1024"), accepted: false, messagePart: "args.width: must be an integer (got string)"),
            Case(field: "width", value: .number(1024.5), accepted: false, messagePart: "args.width: must be an integer (got 1024.5)"),
            // prompt_extend: bool
            Case(field: "prompt_extend", value: .bool(true), accepted: true, messagePart: ""),
            Case(field: "prompt_extend", value: .string("true"), accepted: false, messagePart: "args.prompt_extend: must be true or false (got string)"),
            // extensions
            Case(field: "seed", value: .number(0), accepted: true, messagePart: ""),
            Case(field: "seed", value: .number(4294967295), accepted: true, messagePart: ""),
            Case(field: "seed", value: .number(4294967296), accepted: false, messagePart: "args.seed: must be between 0 and 4294967295"),
            Case(field: "seed", value: .number(-1), accepted: false, messagePart: "args.seed: must be between 0 and 4294967295 (got -1)"),
            Case(field: "output_format", value: .string("webp"), accepted: true, messagePart: ""),
            Case(field: "output_format", value: .string("gif"), accepted: false, messagePart: "args.output_format: must be one of png, jpeg, webp (got \"gif\")"),
        ]
    }()

    @Test(arguments: cases) func fieldRule(_ testCase: Case) throws {
        var args = Self.valid
        args[testCase.field] = testCase.value.map(Self.any)
        if testCase.value == nil { args.removeValue(forKey: testCase.field) }
        if testCase.accepted {
            _ = try Self.parse(args)
        } else {
            let error = #expect(throws: APIError.self) { try Self.parse(args) }
            #expect(error?.code == 1001)
            #expect(error?.httpStatus == 400)
            #expect(error?.message.contains(testCase.messagePart) == true, "\(error?.message ?? "")")
        }
    }

    struct Size: Sendable, CustomTestStringConvertible {
        let width: Int, height: Int, accepted: Bool, messagePart: String
        var testDescription: String { "\(width)×\(height)" }
    }

    /// 768×768 = 589 824 and 1280×1280 = 1 638 400 pixels inclusive; ratio 1:4 … 4:1 inclusive.
    static let sizes: [Size] = [
        Size(width: 768, height: 768, accepted: true, messagePart: ""),
        Size(width: 767, height: 768, accepted: false, messagePart: "must be between 768×768 (589824) and 1280×1280 (1638400) pixels (got 767×768 = 589056)"),
        Size(width: 1280, height: 1280, accepted: true, messagePart: ""),
        Size(width: 1281, height: 1280, accepted: false, messagePart: "(got 1281×1280 = 1639680)"),
        Size(width: 2048, height: 512, accepted: true, messagePart: ""),   // exactly 4:1
        Size(width: 512, height: 2048, accepted: true, messagePart: ""),   // exactly 1:4
        Size(width: 2049, height: 512, accepted: false, messagePart: "aspect ratio must be within 1:4 and 4:1 (got 2049:512)"),
        Size(width: 512, height: 2049, accepted: false, messagePart: "aspect ratio must be within 1:4 and 4:1 (got 512:2049)"),
        Size(width: 2560, height: 640, accepted: true, messagePart: ""),   // 4:1 at the largest side
        Size(width: 384, height: 1536, accepted: true, messagePart: ""),   // smallest side, 1:4
        Size(width: 384, height: 1537, accepted: false, messagePart: "aspect ratio"),
        Size(width: 1024, height: 576, accepted: true, messagePart: ""),   // 16:9, 589 824 pixels
        Size(width: 1023, height: 576, accepted: false, messagePart: "pixels"),
    ]

    @Test(arguments: sizes) func sizeRule(_ size: Size) throws {
        var args = Self.valid
        args["width"] = size.width
        args["height"] = size.height
        if size.accepted {
            let request = try Self.parse(args)
            #expect(request.edit.width == size.width && request.edit.height == size.height)
        } else {
            let error = #expect(throws: APIError.self) { try Self.parse(args) }
            #expect(error?.message.contains(size.messagePart) == true, "\(error?.message ?? "")")
        }
    }

    @Test func everyViolationIsReportedAtOnce() {
        var args = Self.valid
        args["width"] = 100
        args["num_images"] = 9
        args.removeValue(forKey: "prompt")
        let error = #expect(throws: APIError.self) { try Self.parse(args) }
        let message = error?.message ?? ""
        #expect(message.contains("args.width"))
        #expect(message.contains("args.num_images"))
        #expect(message.contains("args.prompt"))
    }

    @Test func malformedBodies() {
        for body in ["", "{"] {
            let error = #expect(throws: APIError.self) {
                try CreateJobRequest.parse(Data(body.utf8), servedModels: [Self.model])
            }
            #expect(error?.code == 1000, "\(body)")
            #expect(error?.message.hasPrefix("body: must be valid JSON (") == true, "\(error?.message ?? "")")
        }
        for (body, type) in [("[1,2]", "array"), ("\"text\"", "string"), ("null", "null")] {
            let error = #expect(throws: APIError.self) {
                try CreateJobRequest.parse(Data(body.utf8), servedModels: [Self.model])
            }
            #expect(error?.code == 1000, "\(body)")
            #expect(error?.message == "body: must be a JSON object (got \(type))")
        }
    }

    /// A validating proxy and Easel must read the same request: duplicate keys and trailing
    /// commas are refused, not resolved one way or the other.
    @Test func duplicateKeysAndTrailingCommasAreRefused() {
        let model = Self.model
        let duplicate = #"{"model":"\#(model)","args":{"prompt":"p","image_urls":["https://e.com/a.png"],"width":99999,"width":1024,"height":1024}}"#
        let error = #expect(throws: APIError.self) { try CreateJobRequest.parse(Data(duplicate.utf8), servedModels: [model]) }
        #expect(error?.code == 1000)
        #expect(error?.message.hasPrefix("body: must be valid JSON (duplicate key \"width\" at byte ") == true, "\(error?.message ?? "")")
        let trailing = #"{"model":"\#(model)","args":{"prompt":"p","image_urls":["https://e.com/a.png"],"width":1024,"height":1024,}}"#
        let comma = #expect(throws: APIError.self) { try CreateJobRequest.parse(Data(trailing.utf8), servedModels: [model]) }
        #expect(comma?.message.hasPrefix("body: must be valid JSON (expected a key in double quotes at byte ") == true, "\(comma?.message ?? "")")
    }

    @Test func modelRules() {
        let unknown = #expect(throws: APIError.self) {
            try CreateJobRequest.parse(Self.body(Self.valid, model: "acme/other"), servedModels: [Self.model])
        }
        #expect(unknown?.code == 1002)
        #expect(unknown?.message == "model: unknown model \"acme/other\"; this server serves: \(Self.model)")
        let wrongType = #expect(throws: APIError.self) {
            try CreateJobRequest.parse(Self.body(Self.valid, model: 7), servedModels: [Self.model])
        }
        #expect(wrongType?.message == "model: must be a string (got number)")
        let missing = #expect(throws: APIError.self) {
            try CreateJobRequest.parse(Data(#"{"args": {}}"#.utf8), servedModels: [Self.model])
        }
        #expect(missing?.message.hasPrefix("model: is required") == true)
        let noArgs = #expect(throws: APIError.self) {
            try CreateJobRequest.parse(Data(#"{"model": "\#(Self.model)"}"#.utf8), servedModels: [Self.model])
        }
        #expect(noArgs?.message == "args: is required")
    }

    @Test func callbackURL() throws {
        let ok = try CreateJobRequest.parse(
            Self.body(Self.valid, extra: ["callback_url": "https://hooks.example.com/easel"]), servedModels: [Self.model])
        #expect(ok.callbackURL == "https://hooks.example.com/easel")
        let bad = #expect(throws: APIError.self) {
            try CreateJobRequest.parse(Self.body(Self.valid, extra: ["callback_url": "CALLBACK_URL"]), servedModels: [Self.model])
        }
        #expect(bad?.message.hasPrefix("callback_url: must be an absolute http or https URL") == true)
        // data: URLs are inputs, never callback targets; the message says only what is allowed.
        let data = #expect(throws: APIError.self) {
            try CreateJobRequest.parse(Self.body(Self.valid, extra: ["callback_url": "data:text/plain,hi"]), servedModels: [Self.model])
        }
        #expect(data?.message == "callback_url: scheme must be http or https (got \"data\")")
    }

    static func any(_ value: JSONValue) -> Any {
        switch value {
        case .null: NSNull()
        case .bool(let b): b
        case .number(let n): n.rounded() == n && abs(n) < 1e15 ? Int(n) as Any : n as Any
        case .string(let s): s
        case .array(let items): items.map(any)
        case .object(let fields): fields.mapValues(any)
        }
    }
}
