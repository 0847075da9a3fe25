import Configuration
import Foundation

/// Typed reads of the settings in `Setting` over a `ConfigReader`, failing loudly on values
/// that do not parse.
struct SettingSource {
    let reader: ConfigReader

    func string(_ key: Setting) -> String? {
        reader.string(forKey: ConfigKey(key.rawValue)).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A value whose own syntax has commas, as given: a flag's value reaches the reader
    /// already split at them, and is joined back here.
    func commaSeparated(_ key: Setting) -> String? {
        string(key) ?? reader.stringArray(forKey: ConfigKey(key.rawValue)).flatMap { values in
            values.isEmpty ? nil : values.joined(separator: ",")
        }
    }

    /// Comma-separated in the environment; repeated or comma-separated as flags.
    func list(_ key: Setting) -> [String]? {
        guard let values = reader.stringArray(forKey: ConfigKey(key.rawValue)) else { return nil }
        let items = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return items.filter { !$0.isEmpty }
    }

    func integer(_ key: Setting, in range: ClosedRange<Int>) throws -> Int? {
        guard let raw = string(key) else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            throw SettingsError(setting: key, rule: "must be an integer from \(range.lowerBound) to \(range.upperBound)", got: raw)
        }
        return value
    }

    /// A decimal number such as 2 or 0.5.
    func number(_ key: Setting, in range: ClosedRange<Double>) throws -> Double? {
        guard let raw = string(key) else { return nil }
        guard let value = Double(raw), value.isFinite, range.contains(value) else {
            throw SettingsError(
                setting: key, rule: "must be a number from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))", got: raw)
        }
        return value
    }

    /// 2 rather than 2.0, 0.5 as is: how messages and `--help` write a setting's number.
    static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    func seconds(_ key: Setting) throws -> Duration? {
        guard let raw = string(key) else { return nil }
        guard let value = Double(raw), value > 0, value < 1e7 else {
            throw SettingsError(setting: key, rule: "must be a positive number of seconds", got: raw)
        }
        return .milliseconds(Int64((value * 1000).rounded()))
    }

    /// `--name` alone, or true/false, yes/no, on/off, 1/0.
    func flag(_ key: Setting) throws -> Bool? {
        guard let raw = string(key)?.lowercased() else {
            // A bare `--name` reaches the reader as a Boolean, not as text.
            return reader.bool(forKey: ConfigKey(key.rawValue))
        }
        switch raw {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw SettingsError(setting: key, rule: "must be true or false", got: raw)
        }
    }

    /// One of a fixed set of words.
    func choice(_ key: Setting, of allowed: [String]) throws -> String? {
        guard let raw = string(key) else { return nil }
        guard allowed.contains(raw) else {
            throw SettingsError(setting: key, rule: "must be one of " + allowed.joined(separator: ", "), got: raw)
        }
        return raw
    }
}
