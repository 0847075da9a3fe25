import NIOCore

/// What is wrong with a request head the HTTP parser refused, in the API's words: the
/// header that holds a forbidden byte, and the rule.
enum MalformedHead {
    /// A message naming the header at fault, or nil when the bytes show no forbidden one.
    static func describe(_ buffer: ByteBuffer) -> String? {
        let bytes = Array(buffer.readableBytesView)
        guard let bad = bytes.firstIndex(where: isForbidden) else { return nil }
        let lineStart = bytes[..<bad].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = bytes[lineStart..<bad]
        let byte = "0x" + (bytes[bad] < 0x10 ? "0" : "") + String(bytes[bad], radix: 16)
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
              let name = headerName(bytes[lineStart..<colon])
        else {
            return "request: the request line or a header name holds the byte \(byte); HTTP allows none there"
        }
        return "\(name): holds the control character \(byte); header values may hold visible characters, spaces and tabs only"
    }

    /// Control characters other than tab, CR and LF, and DEL: forbidden in any field value
    /// (RFC 9110 §5.5).
    private static func isForbidden(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }

    /// The field name as written, when it is a short token: it is echoed to the client.
    private static func headerName(_ raw: ArraySlice<UInt8>) -> String? {
        guard (1...64).contains(raw.count), raw.allSatisfy({ byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D
        }) else { return nil }
        return String(decoding: raw, as: UTF8.self)
    }
}
