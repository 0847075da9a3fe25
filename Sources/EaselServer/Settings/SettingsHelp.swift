/// The settings part of `easel serve --help`, generated from `Setting` and wrapped to fit a
/// terminal of `width` columns.
public enum SettingsHelp {
    public static func text(width: Int = 78) -> String {
        var lines = wrap(
            "Settings are flags or environment variables, flags first: --data-dir DIR or "
                + "EASEL_DATA_DIR=DIR. Switches (no value) take true or false in the environment.",
            width: width)
        for section in Setting.Section.allCases {
            lines.append("")
            lines += wrap(section.rawValue + ":", width: width)
            for setting in Setting.allCases where setting.section == section {
                lines += entry(setting, width: width)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Where descriptions start; a longer flag puts its description on the next line.
    static let column = 32

    private static func entry(_ setting: Setting, width: Int) -> [String] {
        let description = setting.description
        let name = "  " + setting.flag + (description.value.map { " " + $0 } ?? "")
        let text = description.text + (description.byDefault.map { " [\($0)]" } ?? "")
        let body = wrap(text, width: max(20, width - column))
        let indent = String(repeating: " ", count: column)
        if name.count + 2 <= column {
            let first = name + String(repeating: " ", count: column - name.count) + body[0]
            return [first] + body.dropFirst().map { indent + $0 }
        }
        return [name] + body.map { indent + $0 }
    }

    /// Greedy word wrap; a word longer than the width stands on its own line.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
