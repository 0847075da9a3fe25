import EaselAPI
import EaselCore
import Foundation
import Hummingbird
import NIOCore

/// Serves result images at their unguessable URLs; the URL itself is the permission, as with
/// the hosted API's result links, so no API key is needed to download. Files are sent in
/// chunks as they are read, with validators for caches (`ETag`, `Last-Modified`, 304) and
/// single byte ranges (206, 416) for resumed downloads.
struct FileController<Context: RequestContext>: Sendable {
    let blobs: any BlobStore
    let index: any BlobIndex
    /// Bytes read and sent at a time: memory per download stays at this, whatever the file.
    static var chunkBytes: Int { 256 * 1024 }

    func addRoutes(to router: Router<Context>) {
        router.get("v1/files/:name", use: download)
    }

    @Sendable func download(_ request: Request, context: Context) async throws -> Response {
        let name = try context.parameters.require("name")
        // The router ignores a trailing slash; a file's URL is exact, so `NAME/` names none.
        guard !request.uri.path.hasSuffix("/") else {
            throw APIError.notFound("file: no file \"\(name.prefix(80))/\" (a file's URL has no trailing slash)")
        }
        let contentType: String
        switch try await index.state(of: name) {
        case .live(let type): contentType = type
        case .expired: throw APIError.gone("file: \(name.prefix(80)) has expired and was deleted")
        case .unknown: throw APIError.notFound("file: no file \"\(name.prefix(80))\"")
        }
        guard let reader = try await blobs.open(name: name) else {
            throw APIError.gone("file: \(name.prefix(80)) has expired and was deleted")
        }
        let length = reader.byteCount
        let validators = FileValidators(byteCount: length, modifiedAt: reader.modifiedAt)
        var headers: HTTPFields = [
            .eTag: validators.eTag, .lastModified: validators.lastModifiedText, .cacheControl: "private, max-age=3600",
        ]
        if validators.isNotModified(request.headers) {
            // The validators and caching a 200 would have carried, and no body.
            return Response(status: .notModified, headers: headers)
        }
        // The browser must take the file for the image type it was stored as, never sniff it
        // into a page, and never run anything from it.
        headers[.contentType] = contentType
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
        headers[.acceptRanges] = "bytes"
        // Ranges are defined for GET only (RFC 9110 §14.2); HEAD describes the whole file.
        let range = request.method == .get && validators.rangeApplies(request.headers)
            ? ByteRangeRequest(header: request.headers[.range], length: length) : .whole
        switch range {
        case .whole:
            return Response(status: .ok, headers: headers, body: Self.body(reader, 0..<length))
        case .part(let part):
            headers[.contentRange] = "bytes \(part.lowerBound)-\(part.upperBound - 1)/\(length)"
            return Response(status: .partialContent, headers: headers, body: Self.body(reader, part))
        case .unsatisfiable:
            var response = JSONResponse.error(.rangeNotSatisfiable(
                "Range: \(request.headers[.range] ?? "") starts past the end of the file (\(length) bytes)"))
            response.headers[.contentRange] = "bytes */\(length)"
            return response
        }
    }

    /// `range` of the file, read a chunk at a time as the connection takes it (each write
    /// waits for the previous one to drain), off the cooperative pool.
    private static func body(_ reader: any BlobReader, _ range: Range<Int>) -> ResponseBody {
        ResponseBody(contentLength: range.count) { writer in
            var offset = range.lowerBound
            while offset < range.upperBound {
                let piece = try await reader.read(offset: offset, count: min(chunkBytes, range.upperBound - offset))
                // Shorter than it was when opened: end the response rather than send a wrong length.
                guard !piece.isEmpty else { throw FileShrank(expected: range.upperBound, got: offset) }
                try await writer.write(ByteBuffer(bytes: piece))
                offset += piece.count
            }
            try await writer.finish(nil)
        }
    }
}
