/// Unguessable identifiers from the system's cryptographic random source.
public enum RandomToken {
    /// `bytes` random bytes as unpadded base64url (URL- and file-name-safe).
    public static func make(bytes: Int) -> String {
        base64URL(random(bytes))
    }

    /// `bytes` random bytes as lowercase hex.
    public static func hex(bytes: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(bytes * 2)
        for byte in random(bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Eight bytes per draw: each draw is a system call, and every create makes a job id.
    private static func random(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var raw: [UInt8] = []
        raw.reserveCapacity(count + 7)
        while raw.count < count {
            withUnsafeBytes(of: generator.next()) { raw.append(contentsOf: $0) }
        }
        return Array(raw.prefix(count))
    }

    private static func base64URL(_ raw: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var out = ""
        var buffer = 0
        var bits = 0
        for byte in raw {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                out.append(alphabet[(buffer >> bits) & 63])
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (6 - bits)) & 63]) }
        return out
    }
}
