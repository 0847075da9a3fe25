import Foundation

/// One encoded result image.
public struct OutputImage: Sendable {
    public var data: Data
    public var width: Int
    public var height: Int
    public var contentType: String

    public init(data: Data, width: Int, height: Int, contentType: String) {
        self.data = data
        self.width = width
        self.height = height
        self.contentType = contentType
    }
}
