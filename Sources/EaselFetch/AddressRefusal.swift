/// The verdict on an address that policy will not connect to.
public struct AddressRefusal: Sendable, Hashable, CustomStringConvertible {
    public let address: IPAddress
    public let category: AddressCategory
    /// Set when `address` is an IPv6 form of an IPv4 address and that IPv4 address is what was judged.
    public let embedded: (address: IPv4Address, form: IPv4Embedding)?

    init(address: IPAddress, category: AddressCategory, embedded: (address: IPv4Address, form: IPv4Embedding)? = nil) {
        self.address = address
        self.category = category
        self.embedded = embedded
    }

    /// "a loopback address (the IPv4-mapped form of 127.0.0.1)"
    public var reason: String {
        guard let embedded else { return category.phrase }
        return "\(category.phrase) (the \(embedded.form.phrase) form of \(embedded.address))"
    }

    /// "::ffff:127.0.0.1 is a loopback address (the IPv4-mapped form of 127.0.0.1)"
    public var description: String {
        "\(address) is \(reason)"
    }

    public static func == (lhs: AddressRefusal, rhs: AddressRefusal) -> Bool {
        lhs.address == rhs.address && lhs.category == rhs.category
            && lhs.embedded?.address == rhs.embedded?.address && lhs.embedded?.form == rhs.embedded?.form
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(address)
        hasher.combine(category)
        hasher.combine(embedded?.address)
        hasher.combine(embedded?.form)
    }
}
