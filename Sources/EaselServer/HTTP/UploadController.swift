import EaselAPI
import EaselCore
import EaselImaging
import Foundation
import Hummingbird

/// `POST /api/v1/files`: stores an image for the key and returns a URL that works in
/// `image_urls` without a network fetch. The body is the image itself, or multipart/form-data
/// with the image in its first file part.
struct UploadController<Context: APIKeyRequestContext>: Sendable {
    let blobs: any BlobStore
    let index: any BlobIndex
    let publicURL: String
    let maxBytes: Int
    let limits: ImagingLimits
    let retention: Duration
    let executor: BlockingExecutor

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("files", use: upload)
    }

    @Sendable func upload(_ request: Request, context: Context) async throws -> Response {
        let key = try context.authenticatedKey()
        // Multipart framing adds a little; the image itself is checked against maxBytes below.
        let body = try await request.collectBody(limit: maxBytes + 64 * 1024)
        let image = try Self.imageBytes(body, contentType: request.headers[.contentType])
        guard !image.isEmpty else { throw APIError.invalidArgument("file: is empty") }
        guard image.count <= maxBytes else {
            throw APIError.bodyTooLarge(limit: maxBytes)
        }
        // Every pixel is decoded before the file is kept: a truncated or damaged image is
        // refused here, not when a job reads it. Decoding blocks, so it runs off the pool.
        let limits = limits
        let header = try await executor.run { () throws -> ImageHeader in
            do throws(ImagingError) {
                return try Raster.validate(image, limits: limits)
            } catch {
                throw APIError.invalidArgument("file: \(error.message)")
            }
        }
        let name = RandomToken.make(bytes: 24) + "." + header.format.fileExtension
        let expires = Date().addingTimeInterval(retention.timeInterval)
        try await blobs.write(image, name: name)
        try await index.recordUpload(UploadRecord(
            name: name, keyID: key.id, contentType: header.format.contentType, width: header.width,
            height: header.height, byteCount: image.count, expiresAt: expires))
        return try JSONResponse.ok(UploadView(
            url: "\(publicURL)/v1/files/\(name)", contentType: header.format.contentType, width: header.width,
            height: header.height, bytes: image.count, expiresAt: Timestamp.string(expires)))
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
