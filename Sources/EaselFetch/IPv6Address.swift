/// An IPv6 address, held as two 64-bit halves in host byte order.
public struct IPv6Address: Sendable, Hashable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Builds an address from its 16 bytes in network order; `nil` for any other count.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 {
                high = high << 8 | UInt64(byte)
            } else {
                low = low << 8 | UInt64(byte)
            }
        }
        self.init(high: high, low: low)
    }

    /// Parses RFC 4291 text: eight hex groups, one optional `::`, an optional dotted-quad tail.
    /// Zone indices (`%eth0`) and brackets are refused: an address with a zone is link-scoped anyway.
    public init?(_ text: some StringProtocol) {
        let text = Substring(text)
        guard !text.isEmpty, text.utf8.count <= 45 else { return nil }
        var groups: [UInt16]
        if let gap = text.firstRange(of: "::") {
            let tailText = text[gap.upperBound...]
            guard tailText.firstRange(of: "::") == nil,
                  let head = Self.groups(in: text[..<gap.lowerBound], allowIPv4Tail: false),
                  let tail = Self.groups(in: tailText, allowIPv4Tail: true),
                  head.count + tail.count <= 7  // "::" stands for at least one zero group
            else { return nil }
            groups = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let all = Self.groups(in: text, allowIPv4Tail: true), all.count == 8 else { return nil }
            groups = all
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for group in groups[0..<4] { high = high << 16 | UInt64(group) }
        for group in groups[4..<8] { low = low << 16 | UInt64(group) }
        self.init(high: high, low: low)
    }

    /// The colon-separated groups of one side of a `::`; an empty side has none.
    private static func groups(in text: Substring, allowIPv4Tail: Bool) -> [UInt16]? {
        if text.isEmpty { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, part) in parts.enumerated() {
            if part.contains(".") {
                guard allowIPv4Tail, index == parts.count - 1, let v4 = IPv4Address(part) else { return nil }
                groups.append(UInt16(truncatingIfNeeded: v4.value >> 16))
                groups.append(UInt16(truncatingIfNeeded: v4.value))
            } else {
                guard (1...4).contains(part.utf8.count), let group = UInt16(part, radix: 16) else { return nil }
                groups.append(group)
            }
        }
        return groups
    }

    public var bytes: [UInt8] {
        (0..<8).reversed().map { UInt8(truncatingIfNeeded: high >> ($0 * 8)) }
            + (0..<8).reversed().map { UInt8(truncatingIfNeeded: low >> ($0 * 8)) }
    }

    var segments: [UInt16] {
        (0..<4).reversed().map { UInt16(truncatingIfNeeded: high >> ($0 * 16)) }
            + (0..<4).reversed().map { UInt16(truncatingIfNeeded: low >> ($0 * 16)) }
    }

    /// The last 32 bits, read as an IPv4 address.
    var trailingIPv4: IPv4Address {
        IPv4Address(UInt32(truncatingIfNeeded: low))
    }

    /// RFC 5952 text: lower case, the longest run of two or more zero groups shortened to `::`,
    /// and IPv4-mapped addresses written with a dotted-quad tail as people expect to read them.
    public var description: String {
        if high == 0 && low >> 32 == 0xffff {
            return "::ffff:\(trailingIPv4)"
        }
        let segments = self.segments
        var bestStart = -1
        var bestLength = 1
        var index = 0
        while index < 8 {
            guard segments[index] == 0 else { index += 1; continue }
            var end = index
            while end < 8 && segments[end] == 0 { end += 1 }
            if end - index > bestLength {
                bestStart = index
                bestLength = end - index
            }
            index = end
        }
        let hex = segments.map { String($0, radix: 16) }
        guard bestStart >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }
}
