extension IPv6Address {
    /// The IPv4 address this address stands for, if it is one of the embedding forms.
    /// `::` and `::1` are not treated as IPv4-compatible forms: they are their own special addresses.
    var embeddedIPv4: (address: IPv4Address, form: IPv4Embedding)? {
        let upper32 = low >> 32
        if high == 0 {
            switch upper32 {
            case 0xffff: return (trailingIPv4, .mapped)
            case 0xffff_0000: return (trailingIPv4, .translated)
            case 0 where low > 1: return (trailingIPv4, .compatible)
            default: return nil
            }
        }
        if high == 0x0064_ff9b_0000_0000 && upper32 == 0 {
            return (trailingIPv4, .nat64)
        }
        if high >> 48 == 0x2002 {
            return (IPv4Address(UInt32(truncatingIfNeeded: high >> 16)), .sixToFour)
        }
        return nil
    }
}
