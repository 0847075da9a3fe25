import EaselAPI
import EaselCore
import Foundation
import Hummingbird
import NIOCore

/// Serves result images at their unguessable URLs; the URL itself is the permission, as with
/// the hosted API's result links, so no API key is needed to download.
struct FileController<Context: RequestContext>: Sendable {
    let blobs: any BlobStore
    let index: any BlobIndex

    func addRoutes(to router: Router<Context>) {
        router.get("v1/files/:name", use: download)
    }

    @Sendable func download(_ request: Request, context: Context) async throws -> Response {
        let name = try context.parameters.require("name")
        let contentType: String
        switch try await index.state(of: name) {
        case .live(let type): contentType = type
        case .expired: throw APIError.gone("file: \(name.prefix(80)) has expired and was deleted")
        case .unknown: throw APIError.notFound("file: no file \"\(name.prefix(80))\"")
        }
        guard let data = try await blobs.read(name: name) else {
            throw APIError.gone("file: \(name.prefix(80)) has expired and was deleted")
        }
        return Response(
            status: .ok,
            // The browser must take the file for the image type it was stored as, never
            // sniff it into a page, and never run anything from it.
            headers: [
                .contentType: contentType, .cacheControl: "private, max-age=3600",
                .xContentTypeOptions: "nosniff", .contentSecurityPolicy: "default-src 'none'; sandbox",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
