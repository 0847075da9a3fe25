import Configuration
import EaselCore
import Foundation
import Logging

extension ServerSettings {
    /// Reads settings from command-line flags (`--data-dir ./d`) and then from the
    /// environment (`EASEL_DATA_DIR=./d`); flags win. Values that do not parse are errors
    /// naming the setting, never silently replaced by the default.
    public init(arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let reader = ConfigReader(providers: [
            CommandLineArgumentsProvider(arguments: ["easel"] + arguments),
            EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "easel"),
        ])
        try self.init(reader: reader)
    }

    public init(reader: ConfigReader) throws {
        self.init()
        var source = SettingSource(reader: reader)
        host = source.string("host") ?? host
        port = try source.integer("port", in: 0...65535) ?? port
        dataDirectory = source.string("data.dir") ?? dataDirectory
        databaseURL = source.string("database.url")
        if let role = try source.choice("role", of: ServerRole.allCases.map(\.rawValue)) {
            self.role = ServerRole(rawValue: role) ?? self.role
        }
        publicURL = source.string("public.url")
        workers = try source.integer("workers", in: 1...64) ?? workers
        prefetch = try source.integer("prefetch", in: 0...256)
        maxRunningPerKey = try source.integer("max.running.per.key", in: 1...100_000)
        maxUnfinishedPerKey = try source.integer("max.unfinished.per.key", in: 1...10_000_000) ?? maxUnfinishedPerKey
        rateLimitPerSecond = try source.number("rate.limit.per.second", in: 0...1_000_000) ?? rateLimitPerSecond
        rateLimitBurst = try source.integer("rate.limit.burst", in: 1...10_000_000) ?? rateLimitBurst
        keyCacheLifetime = try source.seconds("key.cache.seconds") ?? keyCacheLifetime
        maxConnections = try source.integer("max.connections", in: 1...1_000_000) ?? maxConnections
        idleTimeout = try source.seconds("idle.timeout.seconds") ?? idleTimeout
        bodyTimeout = try source.seconds("body.timeout.seconds") ?? bodyTimeout
        leaseDuration = try source.seconds("lease.seconds") ?? leaseDuration
        maxAttempts = try source.integer("max.attempts", in: 1...100) ?? maxAttempts
        queueLimit = try source.integer("queue.limit", in: 1...10_000_000) ?? queueLimit
        maxBodyBytes = try source.integer("max.body.bytes", in: 1024...1_073_741_824) ?? maxBodyBytes
        shutdownGrace = try source.seconds("shutdown.grace.seconds") ?? shutdownGrace
        fetchAllow = source.list("fetch.allow") ?? fetchAllow
        fetchMaxBytes = try source.integer("fetch.max.bytes", in: 1024...1_073_741_824) ?? fetchMaxBytes
        fetchTimeout = try source.seconds("fetch.timeout.seconds") ?? fetchTimeout
        maxInputPixels = try source.integer("max.input.pixels", in: 1...1_000_000_000) ?? maxInputPixels
        maxInputSide = try source.integer("max.input.side", in: 1...100_000) ?? maxInputSide
        decodeMemoryMiB = try source.integer("decode.memory.mib", in: 16...1_048_576) ?? decodeMemoryMiB
        if let price = source.string("price.per.image") {
            guard let parsed = Price(price) else {
                throw SettingsError(setting: "price.per.image", rule: "must be a plain decimal such as 0.026", got: price)
            }
            pricePerImage = parsed
        }
        retention = try source.seconds("retention.seconds") ?? retention
        if let delays = source.list("callback.schedule") {
            let parsed = delays.compactMap(Double.init).filter { $0 > 0 }
            guard parsed.count == delays.count, !parsed.isEmpty else {
                throw SettingsError(setting: "callback.schedule", rule: "must be positive seconds separated by commas, e.g. 5,60,300",
                                    got: delays.joined(separator: ","))
            }
            callbackSchedule = RetrySchedule(delays: parsed.map { .milliseconds(Int64(($0 * 1000).rounded())) })
        }
        callbackTimeout = try source.seconds("callback.timeout.seconds") ?? callbackTimeout
        janitorInterval = try source.seconds("janitor.interval.seconds") ?? janitorInterval
        if let level = source.string("log.level") {
            guard Logger.Level(rawValue: level) != nil else {
                throw SettingsError(setting: "log.level", rule: "must be trace, debug, info, notice, warning, error or critical", got: level)
            }
            logLevel = level
        }
        diffusion = try DiffusionSettings(source: source)
    }
}

/// A setting that does not parse. The message names it as a flag and as a variable.
public struct SettingsError: Error, CustomStringConvertible {
    public let setting: String
    public let rule: String
    /// The value given, when it may be shown (a database URL may hold a password).
    public let got: String?

    public init(setting: String, rule: String, got: String?) {
        self.setting = setting
        self.rule = rule
        self.got = got
    }

    public var description: String {
        let flag = "--" + setting.replacingOccurrences(of: ".", with: "-")
        let variable = "EASEL_" + setting.replacingOccurrences(of: ".", with: "_").uppercased()
        return "\(flag) / \(variable): \(rule)" + (got.map { " (got \"\($0)\")" } ?? "")
    }
}
