import Foundation
import HTTPTypes
import Testing

/// The web playground as the server delivers it: every file under the page's strict
/// Content-Security-Policy, nothing in the page that the policy would block, and no way for
/// its scripts to send the key anywhere but this server. PlaygroundBrowserTests runs it.
@Suite struct PlaygroundTests {
    static let requiredDirectives = [
        "default-src 'self'", "img-src 'self' blob: data:", "connect-src 'self'",
        "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'",
    ]

    @Test func everyFileOfThePageCarriesThePolicy() async throws {
        try await EaselHarness.run { api in
            let page = try await api.request(.get, "/", key: .some(nil))
            #expect(page.status == 200)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let html = String(decoding: page.body, as: UTF8.self)
            let assets = Self.references(in: html)
            #expect(assets.contains("/playground/app.js") && assets.contains("/playground/playground.css"), "\(assets)")
            let modules = Self.imports(in: try await Self.text(api, "/playground/app.js"))
            #expect(modules.count >= 5, "app.js imports the page's other modules: \(modules)")
            for path in ["/"] + assets + modules {
                let reply = try await api.request(.get, path, key: .some(nil))
                #expect(reply.status == 200, "\(path)")
                let policy = reply.headers[.contentSecurityPolicy] ?? ""
                for directive in Self.requiredDirectives {
                    #expect(policy.contains(directive), "\(path): \(policy)")
                }
                #expect(!policy.contains("unsafe"), "\(path): \(policy)")
                #expect(reply.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(reply.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(path)")
            }
            #expect(try await api.request(.get, "/playground/app.js", key: .some(nil)).headers[.contentType]
                == "text/javascript; charset=utf-8")
            #expect(try await api.request(.get, "/playground/playground.css", key: .some(nil)).headers[.contentType]
                == "text/css; charset=utf-8")
        }
    }

    /// The policy forbids inline code; the page must not need any (the browser test also
    /// records every violation while it walks the flow).
    @Test func thePageHasNoInlineScriptOrStyle() async throws {
        try await EaselHarness.run { api in
            let html = try await Self.text(api, "/")
            #expect(html.range(of: #"<script(?![^>]*\ssrc=)[^>]*>"#, options: .regularExpression) == nil, "inline script")
            #expect(html.range(of: #"<style\b"#, options: [.regularExpression, .caseInsensitive]) == nil, "style element")
            #expect(html.range(of: #"\sstyle="#, options: .regularExpression) == nil, "style attribute")
            #expect(html.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil, "event handler attribute")
        }
    }

    /// Requests go out through one function (api.js), which refuses anything but a path on
    /// this origin; no other module calls fetch or XMLHttpRequest.
    @Test func onlyTheAPIModuleMakesRequests() async throws {
        try await EaselHarness.run { api in
            let modules = Self.imports(in: try await Self.text(api, "/playground/app.js"))
            #expect(modules.contains("/playground/api.js"))
            for module in ["/playground/app.js"] + modules {
                let source = try await Self.text(api, module)
                let fetches = source.components(separatedBy: "fetch(").count - 1
                #expect(fetches == (module.hasSuffix("/api.js") ? 1 : 0), "\(module) calls fetch \(fetches) times")
                #expect(!source.contains("XMLHttpRequest") && !source.contains("sendBeacon") && !source.contains("WebSocket"),
                        "\(module)")
            }
            let client = try await Self.text(api, "/playground/api.js")
            #expect(client.contains("fetch(ownPath(path)"), "api.js must send every request through ownPath")
        }
    }

    @Test func onlyThePlaygroundsOwnFilesAreServed() async throws {
        try await EaselHarness.run { api in
            for path in ["/playground/missing.js", "/playground/..%2Fopenapi.yaml", "/playground/", "/playground/index"] {
                let reply = try await api.request(.get, path, key: .some(nil))
                #expect(reply.status == 404, "\(path): \(reply.status)")
            }
        }
    }

    static func text(_ api: APIClient, _ path: String) async throws -> String {
        let reply = try await api.request(.get, path, key: .some(nil))
        try #require(reply.status == 200, "\(path): \(reply.status)")
        return String(decoding: reply.body, as: UTF8.self)
    }

    /// The `src` and `href` paths of a page, fragments left out.
    static func references(in html: String) -> [String] {
        html.matches(of: /\s(?:src|href)="(\/[^"#]*)"/).map { String($0.output.1) }
    }

    /// The modules a module imports (`from "./x.js"`), as paths under /playground/.
    static func imports(in source: String) -> [String] {
        source.matches(of: /from "\.\/([a-z0-9-]+\.js)"/).map { "/playground/\($0.output.1)" }
    }
}
