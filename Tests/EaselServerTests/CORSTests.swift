import EaselServer
import Foundation
import HTTPTypes
import Testing

/// `--cors-origins`: pages on the listed origins may call the API, preflights included;
/// pages on any other origin get nothing that would let a browser read an answer.
@Suite struct CORSTests {
    static let app = "https://app.example"

    @Test func listedOriginsMayCallTheAPI() async throws {
        let policy = try CORSPolicy(listed: [Self.app, "http://localhost:3000"])
        try await EaselHarness.run(configure: { $0.cors = policy }) { api in
            let listed = try await api.request(.get, "/api/v1/job/list", headers: [.origin: Self.app])
            #expect(listed.status == 200)
            #expect(listed.headers[.accessControlAllowOrigin] == Self.app)
            #expect(listed.headers[.accessControlAllowCredentials] == nil, "keys are headers, never cookies")
            #expect(listed.headers[.vary]?.contains("Origin") == true)
            #expect(listed.headers[.accessControlExposeHeaders]?.contains("X-Request-Id") == true)

            // Errors too, or the page could not read why its call failed.
            let refused = try await api.request(.get, "/api/v1/job/list", key: .some(nil), headers: [.origin: Self.app])
            #expect(refused.status == 401 && refused.headers[.accessControlAllowOrigin] == Self.app)

            let preflight = try await api.request(.options, "/api/v1/job/create", key: .some(nil), headers: [
                .origin: Self.app, .accessControlRequestMethod: "POST",
                .accessControlRequestHeaders: "authorization, content-type, idempotency-key",
            ])
            #expect(preflight.status == 204)
            #expect(preflight.headers[.accessControlAllowOrigin] == Self.app)
            #expect(preflight.headers[.accessControlAllowMethods] == "POST")
            let allowedHeaders = preflight.headers[.accessControlAllowHeaders] ?? ""
            for header in ["Authorization", "Content-Type", "Idempotency-Key"] {
                #expect(allowedHeaders.contains(header), "\(header) in \(allowedHeaders)")
            }
            #expect(preflight.headers[.accessControlMaxAge] != nil)

            let local = try await api.request(.get, "/healthz", headers: [.origin: "http://localhost:3000"])
            #expect(local.headers[.accessControlAllowOrigin] == "http://localhost:3000")

            // Another origin: no grant, and its preflight is not answered as one.
            let stranger = try await api.request(.get, "/api/v1/job/list", headers: [.origin: "https://evil.example"])
            #expect(stranger.status == 200)
            #expect(stranger.headers[.accessControlAllowOrigin] == nil)
            #expect(stranger.headers[.vary]?.contains("Origin") == true, "the answer depends on Origin")
            let strangerPreflight = try await api.request(.options, "/api/v1/job/create", key: .some(nil), headers: [
                .origin: "https://evil.example", .accessControlRequestMethod: "POST",
            ])
            #expect(strangerPreflight.status == 405)
            #expect(strangerPreflight.headers[.accessControlAllowOrigin] == nil)
            // The origin is compared as browsers serialize it, byte for byte: other spellings
            // of a listed origin come from no browser and are not granted.
            for spelling in [Self.app + "/", "HTTPS://app.example", "https://APP.example", Self.app + ":443"] {
                let odd = try await api.request(.get, "/api/v1/job/list", headers: [.origin: spelling])
                #expect(odd.headers[.accessControlAllowOrigin] == nil, "\(spelling)")
            }
            // A preflight for a path no route has is not granted either.
            let nowhere = try await api.request(.options, "/api/v1/nothing", key: .some(nil), headers: [
                .origin: Self.app, .accessControlRequestMethod: "GET",
            ])
            #expect(nowhere.status == 404)
        }
    }

    @Test func originsAreReadFromFlagsAndChecked() throws {
        let settings = try ServerSettings(arguments: ["--cors-origins", "https://App.example/,http://localhost:3000"], environment: [:])
        #expect(settings.cors.origins == ["https://app.example", "http://localhost:3000"])
        // Listed with its scheme's default port, an origin is stored as a browser sends it.
        let ported = try ServerSettings(arguments: ["--cors-origins", "https://app.example:443,http://h.example:80,http://h.example:8080"], environment: [:])
        #expect(ported.cors.origins == ["https://app.example", "http://h.example", "http://h.example:8080"])
        let any = try ServerSettings(arguments: [], environment: ["EASEL_CORS_ORIGINS": "*"])
        #expect(any.cors.anyOrigin)
        #expect(try ServerSettings(arguments: [], environment: [:]).cors.isSameOrigin)
        for bad in ["app.example", "https://app.example/path", "ftp://app.example", "https://user@app.example"] {
            #expect(throws: SettingsError.self, "\(bad)") {
                try ServerSettings(arguments: ["--cors-origins", bad], environment: [:])
            }
        }
        let error = #expect(throws: SettingsError.self) {
            try ServerSettings(arguments: ["--cors-origins", "app.example"], environment: [:])
        }
        #expect(error?.description
            == "--cors-origins / EASEL_CORS_ORIGINS: must be origins such as https://app.example.com (scheme, host and port only) or * (got \"app.example\")")
    }
}
