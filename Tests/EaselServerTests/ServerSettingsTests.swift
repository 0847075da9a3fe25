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

    @Test func diffusionIsOffUntilAWeightsFolderIsNamed() throws {
        #expect(try ServerSettings(arguments: [], environment: [:]).diffusion.isEnabled == false)
        let settings = try ServerSettings(
            arguments: ["--diffusion-weights", "/models/qwen-edit-2509", "--diffusion-compile", "--diffusion-offload", "model",
                        "--diffusion-lora", "/models/lightning-4step.safetensors", "--diffusion-lora-steps", "4"],
            environment: ["EASEL_DIFFUSION_FP8": "yes", "EASEL_DIFFUSION_DEVICES": "cuda:0, cuda:1", "EASEL_DIFFUSION_MAX_PIXELS": "1048576"])
        let diffusion = settings.diffusion
        #expect(diffusion.isEnabled)
        #expect(diffusion.weights == "/models/qwen-edit-2509")
        #expect(diffusion.compile && diffusion.fp8)
        #expect(diffusion.offload == .model && diffusion.devices == .list([.cuda(0), .cuda(1)]))
        #expect(diffusion.cache == nil && ServerSettings().diffusion.devices == .auto)
        #expect(diffusion.lora == "/models/lightning-4step.safetensors" && diffusion.loraSteps == 4)
        #expect(diffusion.maxPixels == 1_048_576 && diffusion.minPixels == nil)
        #expect(diffusion.python == "runners/diffusers/.venv/bin/python")
    }

    @Test(arguments: [
        (["--diffusion-devices", "tpu"],
         "--diffusion-devices / EASEL_DIFFUSION_DEVICES: must be auto, or a comma-separated list of cpu and cuda:N (each GPU at most once) (got \"tpu\")"),
        (["--diffusion-devices", "cuda:0,cuda:0"],
         "--diffusion-devices / EASEL_DIFFUSION_DEVICES: must be auto, or a comma-separated list of cpu and cuda:N (each GPU at most once) (got \"cuda:0,cuda:0\")"),
        (["--diffusion-devices", "cuda:1,,cpu"],
         "--diffusion-devices / EASEL_DIFFUSION_DEVICES: must be auto, or a comma-separated list of cpu and cuda:N (each GPU at most once) (got \"cuda:1,,cpu\")"),
        (["--diffusion-cache", "first-block:1.5"],
         "--diffusion-cache / EASEL_DIFFUSION_CACHE: must be off or METHOD:THRESHOLD with METHOD first-block and THRESHOLD a number from 0 to 1, e.g. first-block:0.08 (got \"first-block:1.5\")"),
        (["--diffusion-cache", "teacache:0.1"],
         "--diffusion-cache / EASEL_DIFFUSION_CACHE: must be off or METHOD:THRESHOLD with METHOD first-block and THRESHOLD a number from 0 to 1, e.g. first-block:0.08 (got \"teacache:0.1\")"),
        (["--diffusion-offload", "disk"], "--diffusion-offload / EASEL_DIFFUSION_OFFLOAD: must be one of none, model, sequential (got \"disk\")"),
        (["--diffusion-compile", "maybe"], "--diffusion-compile / EASEL_DIFFUSION_COMPILE: must be true or false (got \"maybe\")"),
        (["--diffusion-max-pixels", "4096", "--diffusion-min-pixels", "8192"],
         "--diffusion-min-pixels / EASEL_DIFFUSION_MIN_PIXELS: must not exceed --diffusion-max-pixels (4096) (got \"8192\")"),
    ])
    func badDiffusionValuesAreNamed(arguments: [String], message: String) {
        let error = #expect(throws: SettingsError.self) { try ServerSettings(arguments: arguments, environment: [:]) }
        #expect(error?.description == message)
    }

    @Test(arguments: [
        (["--port", "70000"], "--port / EASEL_PORT: must be an integer from 0 to 65535 (got \"70000\")"),
        (["--workers", "0"], "--workers / EASEL_WORKERS: must be an integer from 1 to 64 (got \"0\")"),
        (["--lease-seconds", "-1"], "--lease-seconds / EASEL_LEASE_SECONDS: must be a positive number of seconds (got \"-1\")"),
        (["--price-per-image", "2.6e-2"], "--price-per-image / EASEL_PRICE_PER_IMAGE: must be a plain decimal such as 0.026 (got \"2.6e-2\")"),
        (["--role", "scheduler"], "--role / EASEL_ROLE: must be one of all, api, worker (got \"scheduler\")"),
        (["--max-running-per-key", "0"], "--max-running-per-key / EASEL_MAX_RUNNING_PER_KEY: must be an integer from 1 to 100000 (got \"0\")"),
        (["--body-timeout-seconds", "0"], "--body-timeout-seconds / EASEL_BODY_TIMEOUT_SECONDS: must be a positive number of seconds (got \"0\")"),
        (["--rate-limit-per-second", "-1"], "--rate-limit-per-second / EASEL_RATE_LIMIT_PER_SECOND: must be a number from 0 to 1000000 (got \"-1\")"),
        (["--rate-limit-per-second", "fast"], "--rate-limit-per-second / EASEL_RATE_LIMIT_PER_SECOND: must be a number from 0 to 1000000 (got \"fast\")"),
        (["--rate-limit-burst", "0"], "--rate-limit-burst / EASEL_RATE_LIMIT_BURST: must be an integer from 1 to 10000000 (got \"0\")"),
        (["--max-unfinished-per-key", "0"], "--max-unfinished-per-key / EASEL_MAX_UNFINISHED_PER_KEY: must be an integer from 1 to 10000000 (got \"0\")"),
        (["--key-cache-seconds", "0"], "--key-cache-seconds / EASEL_KEY_CACHE_SECONDS: must be a positive number of seconds (got \"0\")"),
    ])
    func badValuesAreNamed(arguments: [String], message: String) {
        let error = #expect(throws: SettingsError.self) { try ServerSettings(arguments: arguments, environment: [:]) }
        #expect(error?.description == message)
    }

    @Test func rolesAndDatabaseURL() throws {
        let settings = try ServerSettings(
            arguments: ["--role", "worker"], environment: ["EASEL_DATABASE_URL": "postgres://easel:pw@db:5432/easel"])
        #expect(settings.role == .worker)
        #expect(settings.databaseURL == "postgres://easel:pw@db:5432/easel")
        let defaults = try ServerSettings(arguments: [], environment: [:])
        #expect(defaults.role == .all && defaults.databaseURL == nil)
        #expect(defaults.resolvedMaxRunningPerKey == defaults.workers && defaults.resolvedPrefetch == defaults.workers)
    }

    @Test func limitsPerKeyAndTheKeyCache() throws {
        let defaults = try ServerSettings(arguments: [], environment: [:])
        #expect(defaults.rateLimitPerSecond == 100 && defaults.rateLimitBurst == 200)
        #expect(defaults.maxUnfinishedPerKey == 1000 && defaults.keyCacheLifetime == .seconds(5))
        let set = try ServerSettings(
            arguments: ["--rate-limit-per-second", "0.5", "--max-unfinished-per-key", "7"],
            environment: ["EASEL_RATE_LIMIT_BURST": "3", "EASEL_KEY_CACHE_SECONDS": "1.5"])
        #expect(set.rateLimitPerSecond == 0.5 && set.rateLimitBurst == 3)
        #expect(set.maxUnfinishedPerKey == 7 && set.keyCacheLifetime == .milliseconds(1500))
        #expect(try ServerSettings(arguments: ["--rate-limit-per-second", "0"], environment: [:]).rateLimitPerSecond == 0)
    }
}
