import Testing
@testable import EaselFetch

@Suite("Address policy")
struct AddressPolicyTests {
    /// The classification table: address → category, or nil when it is a public address.
    @Test(arguments: [
        ("0.0.0.0", AddressCategory.unspecified),
        ("0.1.2.3", .unspecified),
        ("10.1.2.3", .privateUse),
        ("100.64.0.1", .sharedAddressSpace),
        ("100.127.255.255", .sharedAddressSpace),
        ("127.0.0.1", .loopback),
        ("127.255.255.254", .loopback),
        ("169.254.169.254", .linkLocal),
        ("172.16.0.1", .privateUse),
        ("172.31.255.255", .privateUse),
        ("192.0.0.8", .protocolAssignment),
        ("192.0.2.1", .documentation),
        ("192.88.99.1", .reserved),
        ("192.168.1.1", .privateUse),
        ("198.18.0.1", .benchmarking),
        ("198.19.255.255", .benchmarking),
        ("198.51.100.7", .documentation),
        ("203.0.113.9", .documentation),
        ("224.0.0.1", .multicast),
        ("239.255.255.250", .multicast),
        ("240.0.0.1", .reserved),
        ("255.255.255.255", .broadcast),
        ("::", .unspecified),
        ("::1", .loopback),
        ("::ffff:127.0.0.1", .loopback),
        ("::ffff:10.0.0.1", .privateUse),
        ("::ffff:0:169.254.169.254", .linkLocal),
        ("::127.0.0.1", .loopback),
        ("::2", .unspecified),
        ("::8.8.8.8", .ipv4Compatible),
        ("64:ff9b::7f00:1", .loopback),
        ("64:ff9b::a9fe:a9fe", .linkLocal),
        ("64:ff9b:1::1", .privateUse),
        ("2002:7f00:1::", .loopback),
        ("2002:c0a8:101::1", .privateUse),
        ("100::1", .reserved),
        ("2001::1", .teredo),
        ("2001:2::1", .benchmarking),
        ("2001:db8::1", .documentation),
        ("2001:10::1", .protocolAssignment),
        ("3fff::1", .documentation),
        ("5f00::1", .reserved),
        ("fc00::1", .privateUse),
        ("fd12:3456::1", .privateUse),
        ("fe80::1", .linkLocal),
        ("febf::1", .linkLocal),
        ("fec0::1", .siteLocal),
        ("ff02::1", .multicast),
        ("4000::1", .nonGlobalUnicast),
        ("1::", .nonGlobalUnicast),
    ])
    func refusesSpecialPurposeAddresses(text: String, category: AddressCategory) throws {
        let address = try #require(IPAddress(text))
        #expect(AddressPolicy.classify(address)?.category == category)
        #expect(AddressPolicy().refusal(for: address)?.category == category)
    }

    @Test(arguments: ["8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.0", "172.15.255.255",
                      "172.32.0.0", "192.169.0.1", "223.255.255.255", "::ffff:8.8.8.8", "64:ff9b::808:808",
                      "2002:808:808::1", "2606:4700:4700::1111", "2a00:1450:4001::200e", "2001:200::1"])
    func allowsPublicAddresses(text: String) throws {
        #expect(AddressPolicy.classify(try #require(IPAddress(text))) == nil)
    }

    @Test func describesRefusals() throws {
        let loopback = try #require(AddressPolicy.classify(.v4(IPv4Address(127, 0, 0, 1))))
        #expect(loopback.description == "127.0.0.1 is a loopback address")
        let mapped = try #require(AddressPolicy.classify(try ip("::ffff:127.0.0.1")))
        #expect(mapped.description == "::ffff:127.0.0.1 is a loopback address (the IPv4-mapped form of 127.0.0.1)")
        #expect(mapped.embedded?.form == .mapped)
        let nat64 = try #require(AddressPolicy.classify(try ip("64:ff9b::a9fe:a9fe")))
        #expect(nat64.description == "64:ff9b::a9fe:a9fe is a link-local address (the NAT64 form of 169.254.169.254)")
    }

    @Test func allowlistOverridesRefusals() throws {
        let policy = try AddressPolicy(allowing: ["127.0.0.0/8", "fd00:1::/32"])
        #expect(policy.refusal(for: try ip("127.0.0.1")) == nil)
        #expect(policy.refusal(for: try ip("127.8.9.10")) == nil)
        #expect(policy.refusal(for: try ip("fd00:1::5")) == nil)
        // The mapped form reaches the same IPv4 host, so the IPv4 entry covers it ...
        #expect(policy.refusal(for: try ip("::ffff:127.0.0.1")) == nil)
        // ... but translated forms go through a translator and need an IPv6 entry.
        #expect(policy.refusal(for: try ip("64:ff9b::7f00:1"))?.category == .loopback)
        #expect(policy.refusal(for: try ip("::1"))?.category == .loopback)
        #expect(policy.refusal(for: try ip("10.0.0.1"))?.category == .privateUse)
        #expect(policy.refusal(for: try ip("fd00:2::5"))?.category == .privateUse)
    }

    @Test func allowlistReportsBadEntries() {
        #expect {
            try AddressPolicy(allowing: ["127.0.0.0/8", "10.0.0.0/33"])
        } throws: { error in
            "\(error)" == "invalid CIDR '10.0.0.0/33': the prefix length 33 is outside 0...32"
        }
    }
}
