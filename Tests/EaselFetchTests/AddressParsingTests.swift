import Testing
@testable import EaselFetch

@Suite("IP address and CIDR parsing")
struct AddressParsingTests {
    @Test(arguments: [
        ("0.0.0.0", UInt32(0)),
        ("127.0.0.1", UInt32(0x7f00_0001)),
        ("255.255.255.255", UInt32.max),
        ("10.20.30.40", UInt32(0x0a14_1e28)),
    ])
    func parsesDottedQuads(text: String, value: UInt32) {
        #expect(IPv4Address(text)?.value == value)
        #expect(IPv4Address(text)?.description == text)
    }

    /// Shorthand and octal forms are refused here; URLs get them normalised by getaddrinfo.
    @Test(arguments: ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "0177.0.0.1", "127.1",
                      "2130706433", "0x7f.0.0.1", "1..2.3", "1.2.3.", " 1.2.3.4", "1.2.3.4/8", "a.b.c.d", "1234.1.1.1"])
    func refusesOtherIPv4Text(text: String) {
        #expect(IPv4Address(text) == nil)
    }

    @Test(arguments: [
        ("::", "::"),
        ("::1", "::1"),
        ("0:0:0:0:0:0:0:1", "::1"),
        ("2001:DB8::", "2001:db8::"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
        ("1:0:0:0:0:0:0:0", "1::"),
        ("fe80::1:2", "fe80::1:2"),
        ("::ffff:127.0.0.1", "::ffff:127.0.0.1"),
        ("::ffff:7f00:1", "::ffff:127.0.0.1"),
        ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
        ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
        ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
    ])
    func parsesAndFormatsIPv6(text: String, canonical: String) {
        #expect(IPv6Address(text)?.description == canonical)
    }

    @Test(arguments: [":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "::g", ":1::", "1::2:",
                      "fe80::1%eth0", "[::1]", "::ffff:1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4::", "::1.2.3.4:5", ""])
    func refusesBadIPv6(text: String) {
        #expect(IPv6Address(text) == nil)
    }

    @Test func ipv6BytesRoundTrip() throws {
        let address = try #require(IPv6Address("2001:db8::ff00:42:8329"))
        #expect(IPv6Address(bytes: address.bytes) == address)
        #expect(address.bytes.count == 16)
        #expect(IPv6Address(bytes: [1, 2, 3]) == nil)
    }

    @Test(arguments: [
        ("127.0.0.0/8", "127.0.0.0/8"),
        ("10.0.0.1", "10.0.0.1/32"),
        (" ::1/128 ", "::1/128"),
        ("fc00::/7", "fc00::/7"),
        ("0.0.0.0/0", "0.0.0.0/0"),
        ("::/0", "::/0"),
    ])
    func parsesCIDRs(text: String, canonical: String) throws {
        #expect(try CIDR(parsing: text).description == canonical)
    }

    @Test(arguments: [
        ("", "it is empty"),
        ("localhost/8", "'localhost' is not an IPv4 dotted-quad or IPv6 address"),
        ("127.1/8", "'127.1' is not"),
        ("10.0.0.0/", "prefix length '' is not a whole number"),
        ("10.0.0.0/x", "prefix length 'x' is not a whole number"),
        ("10.0.0.0/-1", "prefix length '-1' is not a whole number"),
        ("10.0.0.0/33", "prefix length 33 is outside 0...32"),
        ("::/129", "prefix length 129 is outside 0...128"),
        ("10.0.0.1/8", "did you mean 10.0.0.0/8?"),
        ("fe80::1/10", "did you mean fe80::/10?"),
    ])
    func explainsBadCIDRs(text: String, expected: String) {
        #expect {
            try CIDR(parsing: text)
        } throws: { error in
            let description = "\(error)"
            return description.hasPrefix("invalid CIDR '\(text)'") && description.contains(expected)
        }
    }

    @Test func cidrMembership() throws {
        let loopback = try CIDR(parsing: "127.0.0.0/8")
        #expect(loopback.contains(.v4(IPv4Address(127, 255, 0, 1))))
        #expect(!loopback.contains(.v4(IPv4Address(128, 0, 0, 1))))
        #expect(!loopback.contains(try ip("::ffff:127.0.0.1")))
        let uniqueLocal = try CIDR(parsing: "fc00::/7")
        #expect(uniqueLocal.contains(try ip("fdff:ffff::1")))
        #expect(!uniqueLocal.contains(try ip("fe00::1")))
        let everything = try CIDR(parsing: "::/0")
        #expect(everything.contains(try ip("2001:db8::1")))
        #expect(!everything.contains(.v4(IPv4Address(1, 2, 3, 4))))
        let single = try CIDR(parsing: "2001:db8::1/128")
        #expect(single.contains(try ip("2001:db8::1")))
        #expect(!single.contains(try ip("2001:db8::2")))
    }
}

/// Parses a test literal, failing the test (not crashing) if it is not an address.
func ip(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> IPAddress {
    try #require(IPAddress(text), sourceLocation: sourceLocation)
}
