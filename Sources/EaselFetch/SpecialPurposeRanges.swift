/// The IANA special-purpose address registries (RFC 6890 and successors), cut down to the blocks
/// that must not be reached from a server fetching user-supplied URLs. Order matters: the first
/// match names the reason, so narrower blocks come before the wider ones that contain them.
enum SpecialPurposeRanges {
    static let ipv4: [(block: CIDR, category: AddressCategory)] = [
        (v4(0, 0, 0, 0, 8), .unspecified),
        (v4(10, 0, 0, 0, 8), .privateUse),
        (v4(100, 64, 0, 0, 10), .sharedAddressSpace),
        (v4(127, 0, 0, 0, 8), .loopback),
        (v4(169, 254, 0, 0, 16), .linkLocal),  // holds cloud metadata endpoints (169.254.169.254)
        (v4(172, 16, 0, 0, 12), .privateUse),
        (v4(192, 0, 0, 0, 24), .protocolAssignment),
        (v4(192, 0, 2, 0, 24), .documentation),
        (v4(192, 88, 99, 0, 24), .reserved),  // deprecated 6to4 relay anycast (RFC 7526)
        (v4(192, 168, 0, 0, 16), .privateUse),
        (v4(198, 18, 0, 0, 15), .benchmarking),
        (v4(198, 51, 100, 0, 24), .documentation),
        (v4(203, 0, 113, 0, 24), .documentation),
        (v4(224, 0, 0, 0, 4), .multicast),
        (v4(255, 255, 255, 255, 32), .broadcast),
        (v4(240, 0, 0, 0, 4), .reserved),
    ]

    /// `::` and `::1`, checked before the IPv4 embedding forms, whose `::/96` block holds them.
    static let ipv6Exact: [(block: CIDR, category: AddressCategory)] = [
        (v6(0, 0, 128), .unspecified),
        (v6(0, 1, 128), .loopback),
    ]

    /// Checked after the embedding forms; anything else outside 2000::/3 is refused as well.
    static let ipv6: [(block: CIDR, category: AddressCategory)] = [
        (v6(0x0064_ff9b_0001_0000, 0, 48), .privateUse),  // local-use NAT64 (RFC 8215)
        (v6(0x0100_0000_0000_0000, 0, 64), .reserved),  // discard-only (RFC 6666)
        (v6(0x2001_0000_0000_0000, 0, 32), .teredo),  // carries an obfuscated IPv4 address
        (v6(0x2001_0002_0000_0000, 0, 48), .benchmarking),
        (v6(0x2001_0db8_0000_0000, 0, 32), .documentation),
        (v6(0x2001_0000_0000_0000, 0, 23), .protocolAssignment),
        (v6(0x3fff_0000_0000_0000, 0, 20), .documentation),  // RFC 9637
        (v6(0x5f00_0000_0000_0000, 0, 16), .reserved),  // SRv6 SIDs (RFC 9602)
        (v6(0xfc00_0000_0000_0000, 0, 7), .privateUse),  // unique local
        (v6(0xfe80_0000_0000_0000, 0, 10), .linkLocal),
        (v6(0xfec0_0000_0000_0000, 0, 10), .siteLocal),
        (v6(0xff00_0000_0000_0000, 0, 8), .multicast),
    ]

    static let globalUnicast = v6(0x2000_0000_0000_0000, 0, 3)

    private static func v4(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ prefix: Int) -> CIDR {
        CIDR(network: .v4(IPv4Address(a, b, c, d)), prefixLength: prefix)
    }

    private static func v6(_ high: UInt64, _ low: UInt64, _ prefix: Int) -> CIDR {
        CIDR(network: .v6(IPv6Address(high: high, low: low)), prefixLength: prefix)
    }
}
