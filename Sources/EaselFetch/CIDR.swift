/// A block of addresses written as `address/prefix-length`, e.g. `127.0.0.0/8` or `fc00::/7`.
public struct CIDR: Sendable, Hashable, CustomStringConvertible {
    /// The first address of the block (all bits after the prefix are zero).
    public let network: IPAddress
    public let prefixLength: Int

    /// Parses `address/prefix`; a bare address is a single-address block (/32 or /128).
    ///
    /// Bits set after the prefix (`10.0.0.1/8`) are refused rather than silently cleared, since
    /// they usually mean a typo in an allowlist that would otherwise open more than intended.
    public init(parsing text: String) throws(CIDRParseError) {
        let trimmed = text.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else { throw .empty(text) }
        let pieces = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let addressText = pieces[0]
        guard let address = IPAddress(addressText) else { throw .notAnAddress(text, String(addressText)) }
        let maximum = address.bitWidth
        var prefix = maximum
        if pieces.count == 2 {
            let prefixText = pieces[1]
            guard (1...3).contains(prefixText.utf8.count), prefixText.utf8.allSatisfy({ (48...57).contains($0) }),
                  let parsed = Int(prefixText)
            else { throw .badPrefix(text, String(prefixText)) }
            guard parsed <= maximum else { throw .prefixOutOfRange(text, parsed, maximum: maximum) }
            prefix = parsed
        }
        let block = CIDR(network: address, prefixLength: prefix)
        guard block.network == address else { throw .hostBitsSet(text, suggestion: block.description) }
        self = block
    }

    /// Builds the block holding `address`, clearing bits after the prefix; the prefix is clamped
    /// to the address family's width.
    public init(network address: IPAddress, prefixLength: Int) {
        let prefix = max(0, min(prefixLength, address.bitWidth))
        self.prefixLength = prefix
        switch address {
        case .v4(let v4):
            self.network = .v4(IPv4Address(v4.value & Self.mask32(prefix)))
        case .v6(let v6):
            let (highMask, lowMask) = Self.mask128(prefix)
            self.network = .v6(IPv6Address(high: v6.high & highMask, low: v6.low & lowMask))
        }
    }

    public func contains(_ address: IPAddress) -> Bool {
        switch (network, address) {
        case (.v4(let net), .v4(let candidate)):
            return candidate.value & Self.mask32(prefixLength) == net.value
        case (.v6(let net), .v6(let candidate)):
            let (highMask, lowMask) = Self.mask128(prefixLength)
            return candidate.high & highMask == net.high && candidate.low & lowMask == net.low
        default:
            return false
        }
    }

    public var description: String {
        "\(network)/\(prefixLength)"
    }

    private static func mask32(_ prefix: Int) -> UInt32 {
        prefix == 0 ? 0 : UInt32.max << (32 - prefix)
    }

    private static func mask128(_ prefix: Int) -> (UInt64, UInt64) {
        if prefix <= 64 {
            return (prefix == 0 ? 0 : UInt64.max << (64 - prefix), 0)
        }
        return (UInt64.max, UInt64.max << (128 - prefix))
    }
}
