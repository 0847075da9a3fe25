import Hummingbird
import NIOCore

/// A `ResponseBodyWriter` that keeps what is written. Writing a body consumes its writer, so
/// the bytes live in a box the caller still holds.
struct CollectingBodyWriter: ResponseBodyWriter {
    // Not Sendable, and need not be: the box never leaves the task that collects the body.
    final class Box { var buffer = ByteBuffer() }
    let box = Box()

    mutating func write(_ part: ByteBuffer) async throws {
        var part = part
        box.buffer.writeBuffer(&part)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
