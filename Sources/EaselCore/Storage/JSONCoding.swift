import Foundation

/// JSON columns: compact, with sorted keys so equal values store equal text.
public enum JSONCoding {
    public static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// An array column. Every unfinished job's (the ones clients poll) holds `[]`, the text
    /// `string` writes for an empty array: answered without a decoder.
    public static func decodeArray<Element: Decodable>(_ type: [Element].Type, _ text: String) throws -> [Element] {
        text == "[]" ? [] : try decode(type, text)
    }
}
