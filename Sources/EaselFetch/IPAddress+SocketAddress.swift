import NIOCore

extension IPAddress {
    /// The address a NIO channel is connected to; `nil` for Unix domain sockets.
    init?(_ socketAddress: SocketAddress) {
        switch socketAddress {
        case .v4(let v4):
            self = .v4(IPv4Address(UInt32(bigEndian: v4.address.sin_addr.s_addr)))
        case .v6(let v6):
            var raw = v6.address.sin6_addr
            guard let address = withUnsafeBytes(of: &raw, { IPv6Address(bytes: $0) }) else { return nil }
            self = .v6(address)
        case .unixDomainSocket:
            return nil
        }
    }
}
