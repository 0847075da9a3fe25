import Foundation

/// Syntax rules for URLs in requests. Whether an address may be fetched is decided later, at
/// fetch time, after DNS resolution (see `EaselFetch`).
public enum URLRules {
    /// Why `url` cannot be an input image, or nil when it can: `http(s)://` or a `data:` URL.
    public static func imageProblem(_ url: String) -> String? {
        if url.lowercased().hasPrefix("data:") {
            return url.contains(",") ? nil : "must be a valid data: URL (data:<type>;base64,<data>)"
        }
        return httpProblem(url, schemes: "http, https or data")
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
