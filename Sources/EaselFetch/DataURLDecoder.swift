#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decodes `data:[<mediatype>][;base64],<data>` URLs (RFC 2397) locally, under the same size cap
/// as network fetches.
enum DataURLDecoder {
    private static let defaultMediaType = "text/plain;charset=US-ASCII"

    static func isDataURL(_ url: String) -> Bool {
        url.utf8.prefix(5).lazy.map { $0 | 0x20 }.elementsEqual("data:".utf8)
    }

    static func decode(_ url: String, maxBytes: Int) throws(FetchError) -> FetchedResource {
        let bytes = url.utf8.dropFirst(5)
        guard let comma = bytes.firstIndex(of: UInt8(ascii: ",")) else {
            throw .invalidDataURL("there is no ',' before the data")
        }
        guard let header = String(bytes[..<comma]) else { throw .invalidDataURL("the media type is not text") }
        var parameters = header.split(separator: ";", omittingEmptySubsequences: false)
        let isBase64 = parameters.count > 1 && parameters.last?.trimmingASCIIWhitespace().lowercased() == "base64"
        if isBase64 { parameters.removeLast() }
        let mediaType = try Self.mediaType(parameters.joined(separator: ";"))
        let payload = bytes[bytes.index(after: comma)...]

        let data: Data
        if isBase64 {
            // Stop early on text that cannot decode to fewer than maxBytes, before allocating.
            let textLimit = maxBytes >= Int.max / 2 ? Int.max : (max(0, maxBytes) / 3 + 2) * 4
            var text = try Self.percentDecode(payload, limit: textLimit, skippingWhitespace: true, maxBytes: maxBytes)
            switch text.count % 4 {
            case 2: text += Array("==".utf8)  // unpadded base64 is common in hand-written data: URLs
            case 3: text.append(UInt8(ascii: "="))
            case 1: throw .invalidDataURL("the base64 data has a stray character at the end")
            default: break
            }
            guard let decoded = Data(base64Encoded: Data(text)) else {
                throw .invalidDataURL("the data is not valid base64")
            }
            data = decoded
        } else {
            data = Data(try Self.percentDecode(payload, limit: maxBytes, skippingWhitespace: false, maxBytes: maxBytes))
        }
        guard data.count <= maxBytes else { throw .tooLarge(limit: maxBytes) }
        return FetchedResource(data: data, contentType: mediaType, finalURL: url)
    }

    /// RFC 2397: an empty type means text/plain;charset=US-ASCII, and bare parameters apply to text/plain.
    private static func mediaType(_ text: String) throws(FetchError) -> String {
        let trimmed = String(text.trimmingASCIIWhitespace())
        guard trimmed.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7f }) else {
            throw .invalidDataURL("the media type contains characters outside printable ASCII")
        }
        if trimmed.isEmpty { return defaultMediaType }
        if trimmed.hasPrefix(";") { return "text/plain" + trimmed }
        return trimmed
    }

    /// Decodes %XX escapes; throws `tooLarge` once the output passes `limit` bytes.
    private static func percentDecode(
        _ input: Substring.UTF8View.SubSequence,
        limit: Int,
        skippingWhitespace: Bool,
        maxBytes: Int
    ) throws(FetchError) -> [UInt8] {
        var output: [UInt8] = []
        var index = input.startIndex
        while index != input.endIndex {
            var byte = input[index]
            index = input.index(after: index)
            if byte == UInt8(ascii: "%") {
                guard index != input.endIndex, let high = hexValue(input[index]),
                      input.index(after: index) != input.endIndex,
                      let low = hexValue(input[input.index(after: index)])
                else { throw .invalidDataURL("a '%' is not followed by two hex digits") }
                byte = high << 4 | low
                index = input.index(index, offsetBy: 2)
            }
            if skippingWhitespace && (byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d) {
                continue
            }
            guard output.count < limit else { throw .tooLarge(limit: maxBytes) }
            output.append(byte)
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
