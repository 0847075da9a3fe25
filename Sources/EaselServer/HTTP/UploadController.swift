import EaselAPI
import EaselCore
import Foundation
import Hummingbird

/// `POST /api/v1/files`: stores an image for the key and returns a URL that works in
/// `image_urls` without a network fetch. The body is the image itself, or multipart/form-data
/// with the image in its first file part.
struct UploadController<Context: APIKeyRequestContext>: Sendable {
    let keeper: UploadKeeper
    var maxBytes: Int { keeper.maxBytes }

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("files", use: upload)
    }

    @Sendable func upload(_ request: Request, context: Context) async throws -> Response {
        let key = try context.authenticatedKey()
        // Multipart framing adds a little; the image itself is checked against maxBytes by
        // the keeper, and a body too large even for the slack is refused naming maxBytes.
        let body = try await request.collectBody(limit: maxBytes + 64 * 1024, statedLimit: maxBytes)
        let image = try Self.imageBytes(body, contentType: request.headers[.contentType])
        return try JSONResponse.ok(try await keeper.keep(image, keyID: key.id))
    }

    private static func imageBytes(_ body: Data, contentType: String?) throws -> Data {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return body }
        guard let boundary = MultipartFile.boundary(in: contentType) else {
            throw APIError.malformedBody("Content-Type: multipart/form-data needs a boundary parameter")
        }
        guard let file = MultipartFile.firstFile(in: body, boundary: boundary) else {
            throw APIError.malformedBody("body: no file part found in the multipart body")
        }
        return file
    }
}
