import EaselAPI
import EaselCore
import EaselImaging
import Foundation

/// Keeps an uploaded image for a key: decoded whole first (a cut or damaged image is refused
/// here, not when a job reads it), stored under a random name, indexed with its expiry. Used
/// by the upload endpoint and by the OpenAI images route, whose files arrive in the request.
struct UploadKeeper: Sendable {
    let blobs: any BlobStore
    let index: any BlobIndex
    let publicURL: PublicBaseURL
    let maxBytes: Int
    let limits: ImagingLimits
    let retention: Duration
    let executor: BlockingExecutor

    /// - Parameter field: how errors name the image, e.g. `file` or `image[1]`.
    func keep(_ image: Data, keyID: String, field: String = "file") async throws -> UploadView {
        guard !image.isEmpty else { throw APIError.invalidArgument("\(field): is empty") }
        guard image.count <= maxBytes else {
            throw APIError.bodyTooLarge(limit: maxBytes)
        }
        // Decoding blocks, so it runs off the cooperative pool.
        let limits = limits
        let header = try await executor.run { () throws -> ImageHeader in
            do throws(ImagingError) {
                return try Raster.validate(image, limits: limits)
            } catch {
                throw APIError.invalidArgument("\(field): \(error.message)")
            }
        }
        let name = RandomToken.make(bytes: 24) + "." + header.format.fileExtension
        let expires = Date().addingTimeInterval(retention.timeInterval)
        try await blobs.write(image, name: name)
        try await index.recordUpload(UploadRecord(
            name: name, keyID: keyID, contentType: header.format.contentType, width: header.width,
            height: header.height, byteCount: image.count, expiresAt: expires))
        return UploadView(
            url: "\(publicURL.url)/v1/files/\(name)", contentType: header.format.contentType, width: header.width,
            height: header.height, bytes: image.count, expiresAt: Timestamp.string(expires))
    }
}
