/// A `Range` header (RFC 9110 §14.1.2) against a file of `length` bytes. One range is served
/// (206); several, other units or a malformed header are ignored, which RFC 9110 allows:
/// the whole file is sent (200).
enum ByteRangeRequest: Equatable {
    /// No header, or one that is ignored.
    case whole
    case part(Range<Int>)
    /// Starts past the end (or an empty suffix): 416.
    case unsatisfiable

    init(header: String?, length: Int) {
        guard let header else { self = .whole; return }
        let unitAndSet = header.split(separator: "=", maxSplits: 1)
        guard unitAndSet.count == 2, unitAndSet[0].trimmingCharacters(in: .whitespaces).lowercased() == "bytes" else {
            self = .whole
            return
        }
        let specs = unitAndSet[1].split(separator: ",", omittingEmptySubsequences: false)
        let bounds = specs[0].trimmingCharacters(in: .whitespaces)
            .split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard specs.count == 1, bounds.count == 2,
              bounds.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } })
        else {
            self = .whole
            return
        }
        switch (Self.position(bounds[0]), Self.position(bounds[1])) {
        case (nil, nil):
            self = .whole
        case (nil, let suffix?):
            // bytes=-N: the last N bytes.
            self = suffix == 0 || length == 0 ? .unsatisfiable : .part(max(0, length - suffix)..<length)
        case (let first?, nil):
            self = first < length ? .part(first..<length) : .unsatisfiable
        case (let first?, let last?):
            guard last >= first else { self = .whole; return }
            self = first < length ? .part(first..<(min(last, length - 1) + 1)) : .unsatisfiable
        }
    }

    /// A position of digits; nil when empty, and `Int.max` when too long for an Int (it is
    /// past any file's end either way).
    private static func position(_ digits: Substring) -> Int? {
        guard !digits.isEmpty else { return nil }
        return Int(digits) ?? Int.max
    }
}
