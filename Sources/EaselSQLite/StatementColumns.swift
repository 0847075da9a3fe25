import GRDB
import GRDBSQLite

/// The current row of a statement stepped by `forEachRow`, read with SQLite's own column
/// functions. GRDB's `Row` lowercases every column name of a statement's rows as it makes
/// each one, which cost a poll more than reading its job.
struct StatementColumns: JobColumns {
    let statement: SQLiteStatement

    var count: Int { Int(sqlite3_column_count(statement)) }

    func string(_ index: Int) -> String? {
        guard let text = sqlite3_column_text(statement, Int32(index)) else { return nil }
        let length = Int(sqlite3_column_bytes(statement, Int32(index)))
        return String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)
    }

    func int64(_ index: Int) -> Int64? {
        isNull(index) ? nil : sqlite3_column_int64(statement, Int32(index))
    }

    func double(_ index: Int) -> Double? {
        isNull(index) ? nil : sqlite3_column_double(statement, Int32(index))
    }

    private func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(statement, Int32(index)) == SQLITE_NULL
    }
}
