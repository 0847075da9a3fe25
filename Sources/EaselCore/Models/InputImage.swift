import Foundation

/// The bytes of one input image as fetched, before decoding.
public struct InputImage: Sendable {
    public var data: Data
    /// Where it came from, for error messages, e.g. `image_urls[1]`.
    public var field: String

    public init(data: Data, field: String) {
        self.data = data
        self.field = field
    }
}
