/// JSON written byte by byte, for the answers every poll and create pays for. Foundation's
/// `JSONEncoder` first builds a tree of boxed values and dictionaries, which cost more than
/// the rest of a poll (docs/PERFORMANCE.md). The text holds what that encoder writes with
/// `.withoutEscapingSlashes`: compact, absent optionals left out, strings escaped as RFC 8259
/// requires and no more; members come in the order written (the encoder's follow hashing,
/// and change from one process to the next).
public struct JSONText: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// The text of one value.
    public static func of(_ value: some JSONTextWritable) -> [UInt8] {
        var text = JSONText()
        value.write(to: &text)
        return text.bytes
    }

    // MARK: Values

    public mutating func object(_ members: (inout JSONText) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        members(&self)
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func array<S: Sequence>(_ elements: S, _ write: (inout JSONText, S.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        for element in elements { write(&self, element) }
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: utf8[start..<index])
                appendEscaped(byte)
                start = index + 1
            }
            bytes.append(contentsOf: utf8[start...])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// As `JSONEncoder` writes a finite `Double`: the shortest text that reads back the same,
    /// without a trailing `.0` on whole numbers. Non-finite values, which JSON cannot hold, are
    /// written as `null` (the views never carry them).
    public mutating func double(_ value: Double) {
        separate()
        guard value.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        let text = value.description
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func value(_ value: some JSONTextWritable) {
        value.write(to: &self)
    }

    /// Text that is JSON already (a stored answer, say), written as it is.
    public mutating func raw(_ json: some Sequence<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
    }

    // MARK: Members (nil leaves the member out)

    /// Starts a member; `name` is written as it is, so it must be JSON already (an escape
    /// such as `job\u005fid` is kept).
    public mutating func name(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: "\":".utf8)
    }

    public mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        self.name(name)
        string(value)
    }

    public mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        self.name(name)
        int(value)
    }

    public mutating func member(_ name: StaticString, _ value: Double) {
        self.name(name)
        double(value)
    }

    public mutating func member(_ name: StaticString, _ value: Bool) {
        self.name(name)
        bool(value)
    }

    public mutating func member(_ name: StaticString, _ value: (some JSONTextWritable)?) {
        guard let value else { return }
        self.name(name)
        value.write(to: &self)
    }

    public mutating func member(_ name: StaticString, _ values: [String]?) {
        guard let values else { return }
        self.name(name)
        array(values) { $0.string($1) }
    }

    public mutating func member<Element: JSONTextWritable>(_ name: StaticString, _ values: [Element]) {
        self.name(name)
        array(values) { $1.write(to: &$0) }
    }

    // MARK: Private

    /// A comma before every value but the first of an object or array, and but a member's.
    private mutating func separate() {
        guard let last = bytes.last, last != UInt8(ascii: "{"), last != UInt8(ascii: "["), last != UInt8(ascii: ":")
        else { return }
        bytes.append(UInt8(ascii: ","))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let digits = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
    }
}

/// A value that writes its own JSON text (`JSONText`), the same text its `Encodable`
/// conformance gives, without the encoder's cost.
public protocol JSONTextWritable: Sendable {
    func write(to json: inout JSONText)
}
