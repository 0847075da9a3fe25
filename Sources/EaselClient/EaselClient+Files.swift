import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

extension EaselClient {
    /// Largest result `download` reads: far above any image the API produces.
    public static let maxDownloadBytes = 256 * 1024 * 1024

    /// `POST /api/v1/files` (extension): stores an input image and answers a URL that works in
    /// `image_urls`. The server checks it is a whole, decodable image.
    public func upload(_ image: Data, contentType: String = "application/octet-stream") async throws -> UploadedFile {
        try await call(.POST, "/api/v1/files", body: image, contentType: contentType)
    }

    /// Uploads a local image file (read off Swift's cooperative threads).
    public func upload(fileAt file: URL) async throws -> UploadedFile {
        let data = try await Self.readFile(file)
        return try await upload(data, contentType: Self.contentType(forExtension: file.pathExtension))
    }

    /// Fetches a result (or upload) URL. Result URLs carry their own permission (the hosted
    /// API's live on another host), so the key is not sent with them.
    public func download(_ url: String) async throws -> Data {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        let answer = try await exchange(request, url: url, maxBytes: Self.maxDownloadBytes)
        guard (200..<300).contains(answer.status) else {
            // An error answer (410 Gone past retention, 404) carries the API's envelope.
            let _: ErrorEnvelope = try Self.payload(ErrorEnvelope.self, status: answer.status, body: answer.body, url: url)
            throw EaselClientError(kind: .invalidResponse, message: "HTTP \(answer.status)", httpStatus: answer.status, url: url)
        }
        return answer.body
    }

    /// Fetches `url` into `file`, replacing it whole (never a half-written file).
    public func download(_ url: String, to file: URL) async throws {
        let data = try await download(url)
        try await Self.onFileThread(file) { try data.write(to: file, options: .atomic) }
    }

    static func readFile(_ file: URL) async throws -> Data {
        try await onFileThread(file) { try Data(contentsOf: file) }
    }

    /// File work on NIO's blocking-I/O threads, with failures named after the file.
    private static func onFileThread<T: Sendable>(_ file: URL, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await NIOThreadPool.singleton.runIfActive(work)
        } catch {
            let reason = (error as? CocoaError)?.underlying.map { "\($0.localizedDescription)" } ?? error.localizedDescription
            throw EaselClientError(kind: .file, message: reason, url: file.path)
        }
    }

    /// The server reads the type from the bytes; this is only a courteous label.
    static func contentType(forExtension pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "webp": "image/webp"
        case "gif": "image/gif"
        case "tif", "tiff": "image/tiff"
        case "heic", "heif": "image/heif"
        default: "application/octet-stream"
        }
    }
}

private extension CocoaError {
    var underlying: (any Error)? { userInfo[NSUnderlyingErrorKey] as? any Error }
}
