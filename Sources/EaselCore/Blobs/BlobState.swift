/// Whether a blob can be served.
public enum BlobState: Sendable, Equatable {
    case live(contentType: String)
    /// Past its retention: its URL answers 410 Gone, never stale data.
    case expired
    case unknown
}
