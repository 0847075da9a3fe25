import Foundation

/// The OpenAPI document as served: the repository's `Resources/openapi.yaml` with its
/// `servers` entry replaced by this server's public URL, so that generated clients and
/// tools call the server that handed them the document, whatever `--port` or
/// `--public-url` say.
enum OpenAPIDocument {
    /// The `servers` entry as the repository writes it.
    static let placeholder = "\n  - url: http://127.0.0.1:8080\n"

    /// - Returns: nil when `template` lacks the placeholder (a test keeps it there).
    static func serving(_ template: String, publicURL: String) -> String? {
        guard let range = template.range(of: placeholder) else { return nil }
        return template.replacingCharacters(in: range, with: "\n  - url: \(quoted(publicURL))\n")
    }

    /// A YAML double-quoted scalar: JSON's string escapes are valid YAML.
    private static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        guard let data = try? encoder.encode(text) else { return "\"\"" }
        return String(decoding: data, as: UTF8.self)
    }
}
