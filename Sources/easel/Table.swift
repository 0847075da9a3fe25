import Foundation

/// Rows printed for people (a header row and aligned columns) or, with `--json`, as a JSON
/// array of objects keyed by the same column names, for scripts.
struct Table {
    let columns: [String]
    var rows: [[String]] = []

    func render(json: Bool) throws -> String {
        if json {
            let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(objects), as: UTF8.self)
        }
        let all = [columns.map { $0.uppercased() }] + rows
        let widths = columns.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, text in
                column == row.count - 1 ? text : text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
