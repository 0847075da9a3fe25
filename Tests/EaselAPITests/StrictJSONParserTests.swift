import EaselAPI
import Foundation
import Testing

@Suite struct StrictJSONParserTests {
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try StrictJSONParser.parse(Data(text.utf8))
    }

    @Test func readsWhatRFC8259Allows() throws {
        let value = try Self.parse(#" { "a" : [1, -0.5, 2e3, 0, -0, 1E-2, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "c": {} , "d": [] } "#)
        guard case .object(let fields) = value else { Issue.record("not an object"); return }
        #expect(fields["a"] == .array([.number(1), .number(-0.5), .number(2000), .number(0), .number(-0), .number(0.01),
                                       .bool(true), .bool(false), .null]))
        #expect(fields["b"] == .string("x\"\\/\u{8}\u{C}\n\r\té😀"))
        #expect(fields["c"] == .object([:]))
        #expect(fields["d"] == .array([]))
        #expect(try Self.parse("\"暖かい\"") == .string("暖かい"))
    }

    @Test(arguments: [
        (#"{"a":1,}"#, "expected a key in double quotes at byte 7"),
        (#"[1,2,]"#, "unexpected character ']' at byte 5"),
        (#"{"a":1,"a":2}"#, #"duplicate key "a" at byte 7"#),
        // The same key spelled with an escape is still the same key.
        (#"{"job_id":1,"job\u005fid":2}"#, #"duplicate key "job_id" at byte 12"#),
        (#"{"a":01}"#, "numbers may not have leading zeros at byte 6"),
        (#"{"a":1.}"#, "expected a digit after the decimal point at byte 7"),
        (#"{"a":NaN}"#, "unexpected character 'N' at byte 5"),
        (#"{"a":1e999}"#, "number 1e999 is out of range at byte 5"),
        (#"{"a":1} x"#, "unexpected data after the JSON value at byte 8"),
        (#"{"a":1}{"#, "unexpected data after the JSON value at byte 7"),
        (#"// c"#, "unexpected character '/' at byte 0"),
        (#"{'a':1}"#, "expected a key in double quotes at byte 1"),
        (#"["\ud800"]"#, "a high surrogate escape must be followed by a low one at byte 8"),
        (#"["\udc00"]"#, "lone low surrogate escape at byte 8"),
        (#"["\x"]"#, #"invalid escape \'x' at byte 3"#),
        ("[\"a\u{1}\"]", "control character 0x01 inside a string; escape it at byte 3"),
        (#"["abc"#, "unterminated string at byte 5"),
        (#"tru"#, "unexpected character 't' at byte 0"),
        ("", "unexpected end of data at byte 0"),
    ])
    func refuses(text: String, description: String) {
        let error = #expect(throws: JSONSyntaxError.self) { try Self.parse(text) }
        #expect(error?.description == description)
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        let invalid = #expect(throws: JSONSyntaxError.self) { try StrictJSONParser.parse(Data([0x22, 0xC3, 0x28, 0x22])) }
        #expect(invalid?.description == "a string is not valid UTF-8 at byte 1")
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let nested = #expect(throws: JSONSyntaxError.self) { try Self.parse(deep) }
        #expect(nested?.description == "nested deeper than 64 levels at byte 64")
        #expect(throws: Never.self) {
            try Self.parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64))
        }
    }
}
