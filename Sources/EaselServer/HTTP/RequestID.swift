import Synchronization

/// Request ids: the client's when it is a short plain token, else a fresh one.
enum RequestID {
    static var maxLength: Int { 128 }

    /// 32 hex digits: 64 random bits drawn once per process, then a count. Unique per process
    /// and, with overwhelming odds, across processes; a request id names a request, it is not
    /// a secret, and drawing 128 random bits per request cost two system calls.
    static func fresh() -> String {
        hex(processPart) + hex(issued.add(1, ordering: .relaxed).newValue)
    }

    /// Ids are echoed into headers and logs: only letters, digits and `-_.:` are taken, so a
    /// client cannot forge log lines or headers with one.
    static func accepted(_ candidate: String) -> String? {
        guard (1...maxLength).contains(candidate.utf8.count),
              candidate.utf8.allSatisfy({ byte in
                  (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                      || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A
              })
        else { return nil }
        return candidate
    }

    private static let processPart: UInt64 = {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }()

    private static let issued = Atomic<UInt64>(0)

    private static func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
