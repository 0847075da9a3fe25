/// Decides which IP addresses the fetcher may connect to.
///
/// By default only public unicast addresses pass: loopback, private, link-local, multicast,
/// carrier-grade NAT, documentation and other special-purpose blocks are refused, and so are IPv6
/// forms (IPv4-mapped, -translated, -compatible, NAT64, 6to4) of any refused IPv4 address.
/// An operator allowlist overrides refusals, e.g. `127.0.0.0/8` in tests or a trusted internal
/// image host.
public struct AddressPolicy: Sendable, Hashable {
    /// Blocks that are allowed even when the special-purpose table refuses them.
    public var allowlist: [CIDR]

    public init(allowing allowlist: [CIDR] = []) {
        self.allowlist = allowlist
    }

    /// Parses each entry as a CIDR block (a bare address means just that address).
    public init(allowing entries: [String]) throws(CIDRParseError) {
        var blocks: [CIDR] = []
        for entry in entries {
            blocks.append(try CIDR(parsing: entry))
        }
        self.init(allowing: blocks)
    }

    /// Returns why `address` is refused, or `nil` if it may be connected to.
    ///
    /// An IPv4 allowlist entry also covers the IPv4-mapped form of its addresses, since a
    /// dual-stack socket connects to the very same IPv4 host; translated forms go through a
    /// translator, so they are only allowed by an IPv6 entry that covers them.
    public func refusal(for address: IPAddress) -> AddressRefusal? {
        if allowlist.contains(where: { $0.contains(address) }) {
            return nil
        }
        if case .v6(let v6) = address, let embedded = v6.embeddedIPv4, embedded.form == .mapped,
           allowlist.contains(where: { $0.contains(.v4(embedded.address)) }) {
            return nil
        }
        return Self.classify(address)
    }

    /// The special-purpose table alone, without the allowlist.
    public static func classify(_ address: IPAddress) -> AddressRefusal? {
        switch address {
        case .v4(let v4):
            return category(ofIPv4: v4).map { AddressRefusal(address: address, category: $0) }
        case .v6(let v6):
            if let match = SpecialPurposeRanges.ipv6Exact.first(where: { $0.block.contains(address) }) {
                return AddressRefusal(address: address, category: match.category)
            }
            if let embedded = v6.embeddedIPv4 {
                if let category = category(ofIPv4: embedded.address) {
                    return AddressRefusal(address: address, category: category, embedded: embedded)
                }
                // The other forms of a public IPv4 address reach that public host, which is fine;
                // IPv4-compatible addresses are deprecated and have no legitimate use left.
                return embedded.form == .compatible
                    ? AddressRefusal(address: address, category: .ipv4Compatible)
                    : nil
            }
            if let match = SpecialPurposeRanges.ipv6.first(where: { $0.block.contains(address) }) {
                return AddressRefusal(address: address, category: match.category)
            }
            if !SpecialPurposeRanges.globalUnicast.contains(address) {
                return AddressRefusal(address: address, category: .nonGlobalUnicast)
            }
            return nil
        }
    }

    private static func category(ofIPv4 address: IPv4Address) -> AddressCategory? {
        SpecialPurposeRanges.ipv4.first(where: { $0.block.contains(.v4(address)) })?.category
    }
}
