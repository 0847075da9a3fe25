/// `result` of a succeeded job: the images, as the hosted API shapes them, plus their size.
public struct JobResultView: Codable, Sendable, Equatable {
    public struct Image: Codable, Sendable, Equatable {
        public var url: String
        public var width: Int
        public var height: Int
        public var contentType: String

        public init(url: String, width: Int, height: Int, contentType: String) {
            self.url = url
            self.width = width
            self.height = height
            self.contentType = contentType
        }

        enum CodingKeys: String, CodingKey {
            case url, width, height
            case contentType = "content_type"
        }
    }

    public var images: [Image]

    public init(images: [Image]) {
        self.images = images
    }
}
