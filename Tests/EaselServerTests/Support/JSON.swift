import Foundation

/// Loose JSON access for assertions on response bodies.
struct JSON: @unchecked Sendable {
    // @unchecked: wraps the immutable result of JSONSerialization, never mutated after init.
    let value: Any?

    init(_ value: Any?) { self.value = value }

    init(data: Data) {
        value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    subscript(_ key: String) -> JSON { JSON((value as? [String: Any])?[key]) }
    subscript(_ index: Int) -> JSON {
        guard let array = value as? [Any], array.indices.contains(index) else { return JSON(nil) }
        return JSON(array[index])
    }

    var string: String? { value as? String }
    var int: Int? { (value as? NSNumber)?.intValue }
    var double: Double? { (value as? NSNumber)?.doubleValue }
    var bool: Bool? { value as? Bool }
    var array: [JSON]? { (value as? [Any])?.map(JSON.init) }
    var isNull: Bool { value == nil || value is NSNull }
    var keys: Set<String> { Set((value as? [String: Any])?.keys.map { $0 } ?? []) }

    static func body(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    }
}
