import EaselAPI
import EaselCore
import Foundation
import Hummingbird
import NIOCore

/// Serves result images at their unguessable URLs; the URL itself is the permission, as with
/// the hosted API's result links, so no API key is needed to download.
struct FileController<Context: RequestContext>: Sendable {
    let blobs: any BlobStore

    func addRoutes(to router: Router<Context>) {
        router.get("v1/files/:name", use: download)
    }

    @Sendable func download(_ request: Request, context: Context) async throws -> Response {
        let name = try context.parameters.require("name")
        let data: Data?
        do {
            data = try await blobs.read(name: name)
        } catch is BlobNameError {
            data = nil
        }
        guard let data else {
            throw APIError.notFound("file: no file \"\(name.prefix(80))\"")
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: Self.contentType(of: name),
                .cacheControl: "public, max-age=86400, immutable",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func contentType(of name: String) -> String {
        let ext = name.split(separator: ".").last.map(String.init) ?? ""
        return OutputFormat.allCases.first { $0.fileExtension == ext }?.contentType ?? "application/octet-stream"
    }
}
