import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a loopback port, for the requests no HTTP client sends: half a
/// header, a body trickled a byte at a time, a malformed chunk. The blocking socket calls run
/// on Dispatch threads, never on the test's cooperative pool.
final class RawConnection: @unchecked Sendable {
    // @unchecked: `fd` is set once in init; the socket calls themselves are thread-safe.
    private let fd: Int32

    struct Failed: Error, CustomStringConvertible {
        let what: String
        var description: String { "raw connection: \(what) failed (errno \(errno))" }
    }

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failed(what: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            close(fd)
            throw Failed(what: "connect")
        }
    }

    deinit { close(fd) }

    /// Sends the bytes; false once the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    func shutdownBoth() { Glibc.shutdown(fd, Int32(SHUT_RDWR)) }

    /// What the server sends until it closes the connection or `timeout` passes.
    struct Received: Sendable {
        var data: Data
        /// Whether the server closed (or reset) the connection within the time.
        var closed: Bool
        var text: String { String(decoding: data, as: UTF8.self) }
    }

    /// What the server sends until it has sent one whole answer (its head and as many body
    /// bytes as its `Content-Length` says), closes, or `timeout` passes: a wait that ends
    /// with the event, however slow the machine.
    func receiveAnswer(timeout: Duration) async -> Received {
        await receive(timeout: timeout, until: Self.isWholeAnswer)
    }

    static func isWholeAnswer(_ data: Data) -> Bool {
        let text = String(decoding: data, as: UTF8.self)
        guard let blank = text.range(of: "\r\n\r\n") else { return false }
        let length = text[..<blank.lowerBound].split(separator: "\r\n")
            .first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        return text[blank.upperBound...].utf8.count >= length
    }

    func receive(timeout: Duration, until done: @escaping @Sendable (Data) -> Bool = { _ in false }) async -> Received {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { [fd] in
                let deadline = ContinuousClock.now + timeout
                var data = Data()
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let left = deadline - ContinuousClock.now
                    guard left > .zero else { break }
                    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    let milliseconds = Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
                    guard poll(&poller, 1, milliseconds) > 0 else { continue }
                    let count = recv(fd, &buffer, buffer.count, 0)
                    if count <= 0 {
                        continuation.resume(returning: Received(data: data, closed: true))
                        return
                    }
                    data.append(contentsOf: buffer[0..<count])
                    if done(data) { break }
                }
                continuation.resume(returning: Received(data: data, closed: false))
            }
        }
    }
}
