import AsyncHTTPClient
import Foundation
import NIOCore

/// Reads `event:`/`data:` blocks from a Server-Sent Events body as they arrive; comments
/// (keep-alives) are skipped.
struct ServerSentEvents {
    struct Event {
        let name: String
        let data: String
        var json: JSON { JSON(data: Data(data.utf8)) }
    }

    private var chunks: HTTPClientResponse.Body.AsyncIterator
    private var buffer = ""

    init(body: HTTPClientResponse.Body) {
        chunks = body.makeAsyncIterator()
    }

    /// The next event, or nil once the stream ended.
    mutating func next() async throws -> Event? {
        while true {
            if let end = buffer.range(of: "\n\n") {
                let block = buffer[buffer.startIndex..<end.lowerBound]
                buffer.removeSubrange(buffer.startIndex..<end.upperBound)
                var name = "message"
                var data: [Substring] = []
                for line in block.split(separator: "\n") where !line.hasPrefix(":") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data.append(line.dropFirst(6)) }
                }
                if !data.isEmpty { return Event(name: name, data: data.joined(separator: "\n")) }
                continue
            }
            guard let chunk = try await chunks.next() else { return nil }
            buffer += String(buffer: chunk)
        }
    }
}
