import Hummingbird
import NIOCore

extension ResponseBody {
    /// The body's bytes in one buffer (for bodies known to be small: JSON and YAML answers).
    func collected() async throws -> ByteBuffer {
        let sink = CollectingBodyWriter()
        try await write(sink)
        return sink.box.buffer
    }
}
