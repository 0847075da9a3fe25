import Glibc
import Synchronization

/// Random words from the kernel's cryptographic source, fetched 4 KiB at a time: a draw is
/// a short lock instead of a system call. Each word is handed out once.
final class RandomPool: Sendable {
    private struct State {
        var words: [UInt64] = []
        var next = 0
    }

    private let state = Mutex(State())
    private static let wordsPerFill = 512

    /// Two fresh random words.
    func draw() -> (UInt64, UInt64) {
        state.withLock { state in
            if state.next + 2 > state.words.count {
                state.words = Self.fill()
                state.next = 0
            }
            defer { state.next += 2 }
            return (state.words[state.next], state.words[state.next + 1])
        }
    }

    /// The kernel's source, opened once: `getrandom(2)` is not visible to Swift here, and a
    /// read of `/dev/urandom` draws from the same generator.
    private static let source = open("/dev/urandom", O_RDONLY | O_CLOEXEC)

    /// A read may return short (a signal): read until full. Should the source be missing or
    /// fail, the standard library's generator (one system call per word) fills the rest.
    private static func fill() -> [UInt64] {
        var words = [UInt64](repeating: 0, count: wordsPerFill)
        words.withUnsafeMutableBytes { raw in
            var filled = 0
            while filled < raw.count, source >= 0 {
                let got = read(source, raw.baseAddress! + filled, raw.count - filled)
                if got > 0 {
                    filled += got
                } else if got < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            if filled < raw.count {
                var generator = SystemRandomNumberGenerator()
                for index in stride(from: 0, to: raw.count, by: 8) {
                    raw.storeBytes(of: generator.next(), toByteOffset: index, as: UInt64.self)
                }
            }
        }
        return words
    }
}
