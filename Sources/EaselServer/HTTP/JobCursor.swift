import EaselAPI
import Foundation

/// The opaque `cursor` of job listings: the position after which the next page starts.
/// Opaque so that its form can change without breaking clients.
enum JobCursor {
    static func encode(_ sequence: Int64) -> String {
        Data("j:\(sequence)".utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "")
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
    }

    static func decode(_ text: String) throws -> Int64 {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8),
              plain.hasPrefix("j:"), let sequence = Int64(plain.dropFirst(2))
        else {
            throw APIError.invalidArgument("cursor: not a cursor this server issued (use next_cursor from a listing)")
        }
        return sequence
    }
}
