import Foundation
import Testing
@testable import EaselServer

/// The list cursor: the server takes exactly the cursors it issues, and the OpenAPI
/// document's pattern describes exactly those.
@Suite struct JobCursorTests {
    static let pattern = try! NSRegularExpression(pattern: JobCursor.pattern)

    /// As JSON Schema matches: ICU's `$` also matches before a final newline, ECMA-262's does not.
    static func matches(_ text: String) -> Bool {
        let whole = NSRange(text.startIndex..., in: text)
        return pattern.firstMatch(in: text, range: whole)?.range == whole
    }

    @Test func issuedCursorsMatchThePatternAndDecode() throws {
        var generator = SystemRandomNumberGenerator()
        let positions: [Int64] = Array(1...2000) + (0..<2000).map { _ in Int64.random(in: 1..<1_000_000_000_000_000_000, using: &generator) }
            + [999_999_999_999_999_999]
        for position in positions {
            let cursor = JobCursor.encode(position)
            #expect(Self.matches(cursor), "\(position): \(cursor)")
            #expect(try JobCursor.decode(cursor) == position)
        }
    }

    /// Near misses of real cursors (one character changed, cut, extended, padded) and other
    /// spellings of a position are taken exactly when the pattern matches them.
    @Test func theServerTakesExactlyWhatThePatternDescribes() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=")
        var candidates = ["", "ajo", "ajow", "nonsense", "ajoxMg==", "ajox\n"]
        for plain in ["j:007", "j:+7", "j:-7", "j:0", "j:7 ", "j:1000000000000000000", "k:7"] {
            candidates.append(Data(plain.utf8).base64EncodedString().replacingOccurrences(of: "=", with: ""))
        }
        for position in [1, 7, 12, 123, 1234, 98_765_432, 123_456_789_012_345_678] as [Int64] {
            let cursor = Array(JobCursor.encode(position))
            for index in cursor.indices {
                for replacement in alphabet { var changed = cursor; changed[index] = replacement; candidates.append(String(changed)) }
            }
            candidates += [String(cursor.dropLast()), String(cursor) + "A", String(cursor) + "="]
        }
        for candidate in candidates {
            let taken = (try? JobCursor.decode(candidate)) != nil
            #expect(taken == Self.matches(candidate), "\(candidate): taken \(taken)")
        }
    }

    @Test func theOpenAPIDocumentStatesThePattern() throws {
        let document = try String(contentsOf: OperationsTests.documentSource, encoding: .utf8)
        #expect(document.contains("pattern: \"\(JobCursor.pattern)\""))
    }
}
