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

    static func isCompressible(_ contentType: String?) -> Bool {
        guard let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        else { return false }
        return type == "application/json" || type == "application/yaml"
    }
}
