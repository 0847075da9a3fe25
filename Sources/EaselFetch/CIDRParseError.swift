/// Why an operator-supplied CIDR block (e.g. an allowlist entry) could not be read.
public struct CIDRParseError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Reason: Sendable, Hashable {
        case empty
        case notAnAddress(String)
        case badPrefix(String)
        case prefixOutOfRange(Int, maximum: Int)
        case hostBitsSet(suggestion: String)
    }

    /// The text that was given.
    public let input: String
    private let reason: Reason

    private init(_ input: String, _ reason: Reason) {
        self.input = input
        self.reason = reason
    }

    static func empty(_ input: String) -> Self { .init(input, .empty) }
    static func notAnAddress(_ input: String, _ address: String) -> Self { .init(input, .notAnAddress(address)) }
    static func badPrefix(_ input: String, _ prefix: String) -> Self { .init(input, .badPrefix(prefix)) }
    static func prefixOutOfRange(_ input: String, _ prefix: Int, maximum: Int) -> Self {
        .init(input, .prefixOutOfRange(prefix, maximum: maximum))
    }
    static func hostBitsSet(_ input: String, suggestion: String) -> Self { .init(input, .hostBitsSet(suggestion: suggestion)) }

    public var description: String {
        let why: String
        switch reason {
        case .empty:
            why = "it is empty; expected an address with an optional prefix, like 127.0.0.0/8 or ::1/128"
        case .notAnAddress(let address):
            why = "'\(address)' is not an IPv4 dotted-quad or IPv6 address"
        case .badPrefix(let prefix):
            why = "the prefix length '\(prefix)' is not a whole number"
        case .prefixOutOfRange(let prefix, let maximum):
            why = "the prefix length \(prefix) is outside 0...\(maximum)"
        case .hostBitsSet(let suggestion):
            why = "bits are set after the prefix; did you mean \(suggestion)?"
        }
        return "invalid CIDR '\(input)': \(why)"
    }
}
