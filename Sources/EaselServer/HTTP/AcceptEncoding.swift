/// `Accept-Encoding` (RFC 9110 §12.5.3), as far as gzip is concerned.
enum AcceptEncoding {
    /// Whether gzip is acceptable: named (or `*`) with a non-zero weight. An explicit
    /// `gzip;q=0` refuses it even when `*` would allow it.
    static func allowsGzip(_ values: [String]) -> Bool {
        var gzip: Double?
        var any: Double?
        for item in values.flatMap({ $0.split(separator: ",") }) {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            switch coding {
            case "gzip", "x-gzip": gzip = weight
            case "*": any = weight
            default: break
            }
        }
        return (gzip ?? any ?? 0) > 0
    }
}
