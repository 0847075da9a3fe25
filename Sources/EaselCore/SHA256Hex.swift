import Crypto
import Foundation

/// SHA-256 as lowercase hex: key hashes and request digests.
public enum SHA256Hex {
    public static func of(_ data: Data) -> String {
        // By hand: String(format:) per byte costs more than the hash itself on every request.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
