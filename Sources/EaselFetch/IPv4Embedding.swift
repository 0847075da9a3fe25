/// The ways an IPv6 address can carry an IPv4 address that the packets end up going to.
public enum IPv4Embedding: String, Sendable, Hashable {
    /// `::ffff:a.b.c.d`: a dual-stack socket connects to the IPv4 address itself.
    case mapped
    /// `::ffff:0:a.b.c.d` (RFC 6052 / SIIT): a translator forwards to the IPv4 address.
    case translated
    /// `::a.b.c.d`, deprecated by RFC 4291.
    case compatible
    /// `64:ff9b::a.b.c.d`: the well-known NAT64 prefix (RFC 6052).
    case nat64
    /// `2002:AABB:CCDD::/48`: a 6to4 relay forwards to the IPv4 address.
    case sixToFour

    var phrase: String {
        switch self {
        case .mapped: "IPv4-mapped"
        case .translated: "IPv4-translated"
        case .compatible: "IPv4-compatible"
        case .nat64: "NAT64"
        case .sixToFour: "6to4"
        }
    }
}
