import Configuration
import EaselCore
import Foundation
import Logging

extension ServerSettings {
    /// Reads settings from command-line flags (`--data-dir ./d`) and then from the
    /// environment (`EASEL_DATA_DIR=./d`); flags win. Values that do not parse are errors
    /// naming the setting, never silently replaced by the default.
    public init(arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try SettingArguments.check(arguments)
        let reader = ConfigReader(providers: [
            CommandLineArgumentsProvider(arguments: ["easel"] + arguments),
            EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "easel"),
        ])
        try self.init(reader: reader)
    }

    public init(reader: ConfigReader) throws {
        self.init()
        let source = SettingSource(reader: reader)
        host = source.string(.host) ?? host
        port = try source.integer(.port, in: 0...65535) ?? port
        dataDirectory = source.string(.dataDir) ?? dataDirectory
        databaseURL = source.string(.databaseURL)
        if let role = try source.choice(.role, of: ServerRole.allCases.map(\.rawValue)) {
            self.role = ServerRole(rawValue: role) ?? self.role
        }
        publicURL = source.string(.publicURL)
        workers = try source.integer(.workers, in: 1...64) ?? workers
        prefetch = try source.integer(.prefetch, in: 0...256)
        maxRunningPerKey = try source.integer(.maxRunningPerKey, in: 1...100_000)
        maxUnfinishedPerKey = try source.integer(.maxUnfinishedPerKey, in: 1...10_000_000) ?? maxUnfinishedPerKey
        rateLimitPerSecond = try source.number(.rateLimitPerSecond, in: 0...1_000_000) ?? rateLimitPerSecond
        rateLimitBurst = try source.integer(.rateLimitBurst, in: 1...10_000_000) ?? rateLimitBurst
        keyCacheLifetime = try source.seconds(.keyCacheSeconds) ?? keyCacheLifetime
        maxConnections = try source.integer(.maxConnections, in: 1...1_000_000) ?? maxConnections
        idleTimeout = try source.seconds(.idleTimeoutSeconds) ?? idleTimeout
        bodyTimeout = try source.seconds(.bodyTimeoutSeconds) ?? bodyTimeout
        leaseDuration = try source.seconds(.leaseSeconds) ?? leaseDuration
        maxAttempts = try source.integer(.maxAttempts, in: 1...100) ?? maxAttempts
        queueLimit = try source.integer(.queueLimit, in: 1...10_000_000) ?? queueLimit
        maxBodyBytes = try source.integer(.maxBodyBytes, in: 1024...1_073_741_824) ?? maxBodyBytes
        shutdownGrace = try source.seconds(.shutdownGraceSeconds) ?? shutdownGrace
        fetchAllow = source.list(.fetchAllow) ?? fetchAllow
        fetchMaxBytes = try source.integer(.fetchMaxBytes, in: 1024...1_073_741_824) ?? fetchMaxBytes
        fetchTimeout = try source.seconds(.fetchTimeoutSeconds) ?? fetchTimeout
        maxInputPixels = try source.integer(.maxInputPixels, in: 1...1_000_000_000) ?? maxInputPixels
        maxInputSide = try source.integer(.maxInputSide, in: 1...100_000) ?? maxInputSide
        decodeMemoryMiB = try source.integer(.decodeMemoryMiB, in: 16...1_048_576) ?? decodeMemoryMiB
        if let price = source.string(.pricePerImage) {
            guard let parsed = Price(price) else {
                throw SettingsError(setting: .pricePerImage, rule: "must be a plain decimal such as 0.026", got: price)
            }
            pricePerImage = parsed
        }
        retention = try source.seconds(.retentionSeconds) ?? retention
        if let delays = source.list(.callbackSchedule) {
            let parsed = delays.compactMap(Double.init).filter { $0 > 0 }
            guard parsed.count == delays.count, !parsed.isEmpty else {
                throw SettingsError(setting: .callbackSchedule, rule: "must be positive seconds separated by commas, e.g. 5,60,300",
                                    got: delays.joined(separator: ","))
            }
            callbackSchedule = RetrySchedule(delays: parsed.map { .milliseconds(Int64(($0 * 1000).rounded())) })
        }
        callbackTimeout = try source.seconds(.callbackTimeoutSeconds) ?? callbackTimeout
        janitorInterval = try source.seconds(.janitorIntervalSeconds) ?? janitorInterval
        if let origins = source.list(.corsOrigins) { cors = try CORSPolicy(listed: origins) }
        if let level = source.string(.logLevel) {
            guard Logger.Level(rawValue: level) != nil else {
                throw SettingsError(setting: .logLevel, rule: "must be trace, debug, info, notice, warning, error or critical", got: level)
            }
            logLevel = level
        }
        diffusion = try DiffusionSettings(source: source)
    }
}

/// A setting that does not parse, or a flag that is not a setting. The message names the
/// setting as a flag and as a variable.
public struct SettingsError: Error, CustomStringConvertible {
    public let setting: Setting?
    public let rule: String
    /// The value given, when it may be shown (a database URL may hold a password).
    public let got: String?

    public init(setting: Setting?, rule: String, got: String?) {
        self.setting = setting
        self.rule = rule
        self.got = got
    }

    public var description: String {
        let name = setting.map { "\($0.flag) / \($0.variable): " } ?? ""
        return name + rule + (got.map { " (got \"\($0)\")" } ?? "")
    }
}
