import Foundation

/// multipart/form-data (RFC 7578), read whole: the parts of a body already collected under a
/// size limit.
enum MultipartFile {
    struct Part {
        /// The `name` of Content-Disposition.
        let name: String?
        /// The `filename` of Content-Disposition: present for file parts.
        let filename: String?
        let content: Data

        var text: String { String(decoding: content, as: UTF8.self) }
    }

    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 70 ? nil : value
        }
        return nil
    }

    /// Every part, in order.
    static func parts(in body: Data, boundary: String) -> [Part] {
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var parts: [Part] = []
        guard var partStart = body.range(of: delimiter)?.upperBound else { return [] }
        while let next = body.range(of: Data("\r\n".utf8) + delimiter, in: partStart..<body.endIndex) {
            let part = body[partStart..<next.lowerBound]
            if let split = part.range(of: headerEnd) {
                let headers = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
                parts.append(Part(
                    name: parameter("name", in: headers), filename: parameter("filename", in: headers),
                    content: Data(part[split.upperBound...])))
            }
            partStart = next.upperBound
            if body[partStart...].starts(with: Data("--".utf8)) { break }
        }
        return parts
    }

    /// The content of the first part that names a `filename` (or, failing that, the first
    /// part named `file`).
    static func firstFile(in body: Data, boundary: String) -> Data? {
        let parts = parts(in: body, boundary: boundary)
        return (parts.first { $0.filename != nil } ?? parts.first { $0.name == "file" })?.content
    }

    /// `name="value"` of the Content-Disposition line.
    private static func parameter(_ name: String, in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            for field in line.split(separator: ";").dropFirst() {
                let pair = field.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, pair[0].lowercased() == name else { continue }
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
