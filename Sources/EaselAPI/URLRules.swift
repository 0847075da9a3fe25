import Foundation

/// Syntax rules for URLs in requests. Whether an address may be fetched is decided later, at
/// fetch time, after DNS resolution (see `EaselFetch`).
public enum URLRules {
    /// Why `url` cannot be an input image, or nil when it can: `http(s)://` or a `data:` URL.
    public static func imageProblem(_ url: String) -> String? {
        if isDataURL(url) {
            return url.utf8.contains(UInt8(ascii: ",")) ? nil : "must be a valid data: URL (data:<type>;base64,<data>)"
        }
        return httpProblem(url, schemes: "http, https or data")
    }

    /// `data:` in any case. Compared as bytes, as the fetcher reads data: URLs: compared as
    /// Characters, a combining mark after the `:` (or after the `,` above) would merge with
    /// it into another Character and hide it.
    static func isDataURL(_ url: String) -> Bool {
        let prefix = url.utf8.prefix(5).map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        return prefix.elementsEqual("data:".utf8)
    }

    /// Why `url` is not an absolute `http`/`https` URL with a host, or nil when it is.
    /// `schemes` names what the field accepts, for the message.
    public static func httpProblem(_ url: String, schemes: String = "http or https") -> String? {
        if url.utf8.count > ArgumentRules.maxURLLength {
            return "must be at most \(ArgumentRules.maxURLLength) bytes long"
        }
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased()
        else {
            return "must be an absolute http or https URL (got \"\(url.prefix(80))\")"
        }
        guard scheme == "http" || scheme == "https" else {
            return "scheme must be \(schemes) (got \"\(scheme)\")"
        }
        guard let host = components.host, !host.isEmpty else {
            return "must name a host (got \"\(url.prefix(80))\")"
        }
        return nil
    }
}
