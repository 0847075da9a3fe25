import GRDB

/// Typed reads of a row's columns by position, for `JobRowDecoder`: from GRDB's `Row` (claims,
/// whose statements write), or straight from a stepped statement (`StatementColumns`, polls).
protocol JobColumns {
    var count: Int { get }
    /// nil for NULL.
    func string(_ index: Int) -> String?
    func int64(_ index: Int) -> Int64?
    func double(_ index: Int) -> Double?
}

extension JobColumns {
    func int(_ index: Int) -> Int? { int64(index).map(Int.init) }
    func bool(_ index: Int) -> Bool? { int64(index).map { $0 != 0 } }

    /// A column the schema declares NOT NULL.
    func required<Value>(_ read: (Int) -> Value?, _ index: Int) throws -> Value {
        guard let value = read(index) else {
            throw DatabaseCorruption(message: "job \(string(1) ?? "?"): column \(index) is NULL")
        }
        return value
    }
}

extension Row: JobColumns {
    func string(_ index: Int) -> String? { self[index] }
    func int64(_ index: Int) -> Int64? { self[index] }
    func double(_ index: Int) -> Double? { self[index] }
}
