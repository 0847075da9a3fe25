import GRDB
import GRDBSQLite

extension Statement {
    /// Runs this read-only statement with `arguments` and hands each row to `read`; the
    /// statement is reset afterwards, whatever happened, so that it holds no snapshot.
    func forEachRow(arguments: StatementArguments, _ read: (StatementColumns) throws -> Void) throws {
        try setArguments(arguments)
        defer { sqlite3_reset(sqliteStatement) }
        let columns = StatementColumns(statement: sqliteStatement)
        while true {
            let code = sqlite3_step(sqliteStatement)
            switch code {
            case SQLITE_ROW: try read(columns)
            case SQLITE_DONE: return
            default:
                let connection = sqlite3_db_handle(sqliteStatement)
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                    sql: sql, arguments: arguments)
            }
        }
    }
}
