import Foundation

/// Just enough of multipart/form-data (RFC 7578) to take the first file out of an upload.
enum MultipartFile {
    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 70 ? nil : value
        }
        return nil
    }

    /// The content of the first part whose headers name a `filename` (or, failing that, the
    /// first part named `file`).
    static func firstFile(in body: Data, boundary: String) -> Data? {
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var parts: [(headers: String, content: Data)] = []
        var searchStart = body.startIndex
        guard var partStart = body.range(of: delimiter, in: searchStart..<body.endIndex)?.upperBound else { return nil }
        while true {
            searchStart = partStart
            guard let next = body.range(of: Data("\r\n".utf8) + delimiter, in: searchStart..<body.endIndex) else { break }
            let part = body[partStart..<next.lowerBound]
            if let split = part.range(of: headerEnd) {
                let headers = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
                parts.append((headers.lowercased(), Data(part[split.upperBound...])))
            }
            partStart = next.upperBound
            if body[partStart...].starts(with: Data("--".utf8)) { break }
        }
        let file = parts.first { $0.headers.contains("filename=") } ?? parts.first { $0.headers.contains("name=\"file\"") }
        return file?.content
    }
}
