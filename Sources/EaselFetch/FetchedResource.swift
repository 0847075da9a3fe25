#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A fetched body with what the server (or the data: URL) said it is.
public struct FetchedResource: Sendable, Hashable {
    public var data: Data
    /// The Content-Type header, or a data: URL's media type; not checked against the bytes.
    public var contentType: String?
    /// The URL the body came from, after redirects.
    public var finalURL: String

    public init(data: Data, contentType: String?, finalURL: String) {
        self.data = data
        self.contentType = contentType
        self.finalURL = finalURL
    }
}
