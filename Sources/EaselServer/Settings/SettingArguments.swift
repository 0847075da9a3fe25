/// Checks `easel serve`'s arguments against the table of settings before they are read, so
/// that a misspelled flag is an error naming the closest setting instead of being ignored.
enum SettingArguments {
    static func check(_ arguments: [String]) throws {
        // After a flag without `=`, the next word that is not a flag is its value (a switch
        // may take true or false too, and a number may start with "-").
        var expectsValue = false
        for argument in arguments {
            guard argument.hasPrefix("--") || (argument.hasPrefix("-") && !expectsValue) else {
                guard expectsValue else {
                    throw SettingsError(setting: nil, rule: "unexpected argument \"\(argument)\"; settings are --name value", got: nil)
                }
                expectsValue = false
                continue
            }
            let name = argument.drop(while: { $0 == "-" }).prefix(while: { $0 != "=" })
            let key = name.replacingOccurrences(of: "-", with: ".")
            guard argument.hasPrefix("--"), let setting = Setting(rawValue: key) else {
                throw SettingsError(setting: nil, rule: unknown(String(argument.prefix(while: { $0 != "=" }))), got: nil)
            }
            _ = setting
            expectsValue = !argument.contains("=")
        }
    }

    private static func unknown(_ flag: String) -> String {
        let closest = Setting.allCases.map { ($0.flag, distance($0.flag, flag)) }.min { $0.1 < $1.1 }
        guard let closest, closest.1 <= max(2, flag.count / 3) else {
            return "\(flag) is not a setting (easel serve --help lists them)"
        }
        return "\(flag) is not a setting; did you mean \(closest.0)?"
    }

    /// Levenshtein distance: edits that turn `a` into `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
