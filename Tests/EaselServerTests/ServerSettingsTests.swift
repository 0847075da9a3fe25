import EaselServer
import Testing

@Suite struct ServerSettingsTests {
    @Test func defaultsRunOutOfTheBox() throws {
        let settings = try ServerSettings(arguments: [], environment: [:])
        #expect(settings.port == 8080)
        #expect(settings.host == "127.0.0.1")
        #expect(settings.dataDirectory == "./data")
        #expect(settings.resolvedPublicURL == "http://127.0.0.1:8080")
        #expect(settings.pricePerImage.description == "0.026")
        #expect(settings.fetchAllow.isEmpty)
    }

    @Test func flagsWinOverTheEnvironment() throws {
        let settings = try ServerSettings(
            arguments: ["--port", "9001", "--fetch-allow", "127.0.0.0/8,::1/128", "--lease-seconds", "2.5"],
            environment: ["EASEL_PORT": "7000", "EASEL_DATA_DIR": "/srv/easel", "EASEL_PUBLIC_URL": "https://img.example.com/",
                          "EASEL_PRICE_PER_IMAGE": "0.03"])
        #expect(settings.port == 9001)
        #expect(settings.dataDirectory == "/srv/easel")
        #expect(settings.resolvedPublicURL == "https://img.example.com")
        #expect(settings.fetchAllow == ["127.0.0.0/8", "::1/128"])
        #expect(settings.leaseDuration == .milliseconds(2500))
        #expect(settings.pricePerImage.times(2).description == "0.06")
    }

    @Test(arguments: [
        (["--port", "70000"], "--port / EASEL_PORT: must be an integer from 0 to 65535 (got \"70000\")"),
        (["--workers", "0"], "--workers / EASEL_WORKERS: must be an integer from 1 to 64 (got \"0\")"),
        (["--lease-seconds", "-1"], "--lease-seconds / EASEL_LEASE_SECONDS: must be a positive number of seconds (got \"-1\")"),
        (["--price-per-image", "2.6e-2"], "--price-per-image / EASEL_PRICE_PER_IMAGE: must be a plain decimal such as 0.026 (got \"2.6e-2\")"),
    ])
    func badValuesAreNamed(arguments: [String], message: String) {
        let error = #expect(throws: SettingsError.self) { try ServerSettings(arguments: arguments, environment: [:]) }
        #expect(error?.description == message)
    }
}
