import EaselAPI
import Foundation

/// The opaque `cursor` of job listings: the position after which the next page starts.
/// Opaque so that its form can change without breaking clients.
enum JobCursor {
    /// Every cursor `encode` issues for a position below 10^18, and nothing else: the
    /// unpadded base64url of `j:<digits>`. "ajo" spells `j:`; each later group of four
    /// characters carries three ASCII digits, whose high nibble (0011) fixes most of its bits.
    /// The OpenAPI document states it, so that a client (or a fuzzer) can tell a well-formed
    /// cursor from one the server would refuse.
    static let pattern =
        "^ajo[x-z0-5](([MN][DTjz]|O[DT])[AEIMQUYcgk][w-z0-5]){0,5}([MN][AQgw]|O[AQ]|([MN][DTjz]|O[DT])[AEIMQUYcgk])?$"

    static func encode(_ sequence: Int64) -> String {
        Data("j:\(sequence)".utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "")
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
    }

    /// - Throws: for anything `encode` did not issue, spellings of the same position
    ///   included (`j:007`, `j:+7`), so that the server takes exactly what `pattern` describes.
    static func decode(_ text: String) throws -> Int64 {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8),
              plain.hasPrefix("j:"), let sequence = Int64(plain.dropFirst(2)),
              (1..<1_000_000_000_000_000_000).contains(sequence), encode(sequence) == text
        else {
            throw APIError.invalidArgument("cursor: not a cursor this server issued (use next_cursor from a listing)")
        }
        return sequence
    }
}
