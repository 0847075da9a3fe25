/// Why an address is not a public host on the internet, and so is not fetched from by default.
public enum AddressCategory: String, Sendable, Hashable, CaseIterable {
    case unspecified
    case loopback
    case privateUse
    case sharedAddressSpace
    case linkLocal
    case siteLocal
    case multicast
    case broadcast
    case documentation
    case benchmarking
    case protocolAssignment
    case teredo
    case ipv4Compatible
    case reserved
    case nonGlobalUnicast

    /// Reads after "is": "127.0.0.1 is a loopback address".
    public var phrase: String {
        switch self {
        case .unspecified: "an unspecified (this-network) address"
        case .loopback: "a loopback address"
        case .privateUse: "a private-network address"
        case .sharedAddressSpace: "a carrier-grade NAT (shared address space) address"
        case .linkLocal: "a link-local address"
        case .siteLocal: "a deprecated site-local address"
        case .multicast: "a multicast address"
        case .broadcast: "the broadcast address"
        case .documentation: "a documentation-only address"
        case .benchmarking: "a benchmarking-only address"
        case .protocolAssignment: "an address reserved for IETF protocol assignments"
        case .teredo: "a Teredo tunnel address"
        case .ipv4Compatible: "a deprecated IPv4-compatible IPv6 address"
        case .reserved: "a reserved address"
        case .nonGlobalUnicast: "outside the IPv6 global unicast range 2000::/3"
        }
    }
}
