#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import NIOCore
import NIOPosix

/// Resolves host names with the system's `getaddrinfo` on a thread pool, off the cooperative pool.
///
/// Numeric forms that URL parsers pass along untouched (`2130706433`, `0x7f000001`, `0177.0.0.1`,
/// `127.1`) are normalised by getaddrinfo's `inet_aton`, so the policy always judges the real address.
struct HostResolver: Sendable {
    let threadPool: NIOThreadPool
    /// Answers used instead of getaddrinfo, for tests that need a name to resolve somewhere chosen.
    var fixedAnswers: [String: [IPAddress]] = [:]

    func resolve(_ host: String, on eventLoop: any EventLoop) async throws -> [IPAddress] {
        if let answer = fixedAnswers[host] { return answer }
        let lookup = threadPool.runIfActive(eventLoop: eventLoop) { try Self.lookUp(host) }
        do {
            return try await CancellableWait.value(of: lookup)
        } catch is NIOThreadPoolError.ThreadPoolInactive {
            throw FetchError.shutDown
        }
    }

    /// Every distinct address, in getaddrinfo's order (RFC 6724 preference).
    static func lookUp(_ host: String) throws(FetchError) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else {
            let why = status == EAI_SYSTEM ? String(cString: strerror(errno)) : String(cString: gai_strerror(status))
            throw .resolutionFailed(host: host, why: why)
        }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        var cursor = list
        while let entry = cursor {
            if let address = Self.address(of: entry.pointee), !addresses.contains(address) {
                addresses.append(address)
            }
            cursor = entry.pointee.ai_next
        }
        return addresses
    }

    private static func address(of entry: addrinfo) -> IPAddress? {
        guard let socketAddress = entry.ai_addr else { return nil }
        switch entry.ai_family {
        case AF_INET:
            return socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                .v4(IPv4Address(UInt32(bigEndian: $0.pointee.sin_addr.s_addr)))
            }
        case AF_INET6:
            return socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                var raw = $0.pointee.sin6_addr
                return withUnsafeBytes(of: &raw) { IPv6Address(bytes: $0).map(IPAddress.v6) }
            }
        default:
            return nil
        }
    }
}
