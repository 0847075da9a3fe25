/// Encoding of result images. An Easel extension (`args.output_format`); the hosted API always
/// returns one format, so PNG — lossless, exact pixels — is the default.
public enum OutputFormat: String, Sendable, Codable, CaseIterable {
    case png
    case jpeg
    case webp

    public var contentType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .webp: "image/webp"
        }
    }

    public var fileExtension: String {
        switch self {
        case .png: "png"
        case .jpeg: "jpg"
        case .webp: "webp"
        }
    }
}
