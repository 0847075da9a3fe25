/// Request ids: the client's when it is a short plain token, else a fresh one.
enum RequestID {
    static var maxLength: Int { 128 }

    /// 32 hex digits of 128 random bits: an id says nothing about how many requests came
    /// before it. The bits come from `RandomPool`, one system call per 256 ids, so a fresh
    /// id costs about what a counter did.
    static func fresh() -> String {
        let (high, low) = pool.draw()
        return hex(high) + hex(low)
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

    private static let pool = RandomPool()

    private static func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
