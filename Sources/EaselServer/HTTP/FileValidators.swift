import Foundation
import HTTPTypes

/// A file's validators — a strong `ETag` from its size and last write, and `Last-Modified` —
/// and the conditional requests checked against them (RFC 9110 §13).
struct FileValidators: Sendable {
    let eTag: String
    let lastModified: Date

    init(byteCount: Int, modifiedAt: Date) {
        let millis = Int64((modifiedAt.timeIntervalSince1970 * 1000).rounded(.down))
        eTag = "\"\(String(byteCount, radix: 16))-\(String(millis, radix: 16))\""
        // HTTP dates have whole seconds: compare at that precision.
        lastModified = Date(timeIntervalSince1970: modifiedAt.timeIntervalSince1970.rounded(.down))
    }

    var lastModifiedText: String { HTTPDate.format(lastModified) }

    /// Whether a GET or HEAD can be answered 304: `If-None-Match` names this file (weak
    /// comparison), or, without that header, it has not changed since `If-Modified-Since`.
    func isNotModified(_ headers: HTTPFields) -> Bool {
        let noneMatch = headers[values: .ifNoneMatch]
        if !noneMatch.isEmpty {
            let tags = noneMatch.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            return tags.contains("*") || tags.contains { Self.opaque($0) == Self.opaque(eTag) }
        }
        guard let since = headers[.ifModifiedSince].flatMap(HTTPDate.parse) else { return false }
        return lastModified <= since
    }

    /// Whether `If-Range` lets a `Range` apply: absent, or naming this very file (strong
    /// comparison: the exact `ETag`, or exactly its `Last-Modified`).
    func rangeApplies(_ headers: HTTPFields) -> Bool {
        guard let condition = headers[.ifRange]?.trimmingCharacters(in: .whitespaces) else { return true }
        if condition.hasPrefix("\"") { return condition == eTag }
        if condition.hasPrefix("W/") { return false }
        return HTTPDate.parse(condition) == lastModified
    }

    private static func opaque(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}
