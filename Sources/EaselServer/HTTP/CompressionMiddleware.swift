import EaselCore
import Hummingbird
import NIOCore

/// gzip for JSON and YAML answers when the client accepts it. Images are never touched (they
/// are compressed already), nor are bodies too small to gain. Every JSON and YAML answer
/// says `Vary: Accept-Encoding`, compressed or not, so that caches keep the two apart.
struct CompressionMiddleware<Context: RequestContext>: RouterMiddleware {
    let executor: BlockingExecutor

    /// Below this, gzip's own 18 bytes and the work outweigh the saving.
    static var minimumBytes: Int { 1024 }
    /// Above this, compressing runs on the blocking executor rather than on the pool.
    static var inlineBytes: Int { 64 * 1024 }

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        guard Self.isCompressible(response.headers[.contentType]) else { return response }
        response.headers.addVary("Accept-Encoding")
        guard response.headers[.contentEncoding] == nil, let length = response.body.contentLength,
              length >= Self.minimumBytes, AcceptEncoding.allowsGzip(request.headers[values: .acceptEncoding])
        else { return response }
        let plain = try await response.body.collected()
        let packed: ByteBuffer?
        if plain.readableBytes > Self.inlineBytes {
            packed = try await executor.run { Gzip.compress(plain) }
        } else {
            packed = Gzip.compress(plain)
        }
        guard let packed, packed.readableBytes < plain.readableBytes else {
            response.body = ResponseBody(byteBuffer: plain)
            return response
        }
        response.headers[.contentEncoding] = "gzip"
        response.body = ResponseBody(byteBuffer: packed)
        return response
    }

    /// Byte by byte: every answer passes here, and Foundation's trimming cost a poll more than
    /// the check is worth.
    static func isCompressible(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        var type = Array(contentType.utf8.prefix { $0 != UInt8(ascii: ";") })
        while let first = type.first, isBlank(first) { type.removeFirst() }
        while let last = type.last, isBlank(last) { type.removeLast() }
        return equalsIgnoringCase(type, "application/json") || equalsIgnoringCase(type, "application/yaml")
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// `lowercase` is in lower case already.
    private static func equalsIgnoringCase(_ bytes: [UInt8], _ lowercase: StaticString) -> Bool {
        lowercase.withUTF8Buffer { expected in
            expected.count == bytes.count && zip(expected, bytes).allSatisfy { expected, byte in
                let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                return folded == expected
            }
        }
    }
}
