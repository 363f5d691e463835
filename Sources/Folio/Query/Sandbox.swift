import CSQLite
import Foundation

/// What an author's SQL may do: read tables, call functions, recurse; nothing that writes,
/// attaches, changes a setting or loads code. Also the time limit. Lives as long as its database.
final class Sandbox {
    /// Set while folio runs its own statements (loading tables, attaching databases).
    var trusted = false
    /// The tables the statement being prepared reads, as `table` or `schema.table`, in order of first read.
    var reads: [String] = []
    /// What was refused, for the error.
    var refusal: String?
    /// When the running statement must stop.
    var deadline: Date?

    /// Keeps the first refusal of a statement: SQLite may ask again about what that one implies.
    func refuse(_ what: String) {
        if refusal == nil { refusal = what }
    }

    static func isSchemaTable(_ name: String?) -> Bool {
        name?.lowercased() == "sqlite_master" || name?.lowercased() == "sqlite_temp_master"
    }

    /// Functions whose result changes from one run to the next: a derived dataset must give the same
    /// rows every time, or a page reused from the last build would differ from a clean build.
    static let changingFunctions: Set<String> = [
        "random", "randomblob", "changes", "total_changes", "last_insert_rowid", "current_date", "current_time", "current_timestamp",
    ]

    /// Date functions, which read the clock when given `'now'` (or no date at all).
    static let dateFunctions: Set<String> = ["date", "time", "datetime", "julianday", "strftime", "unixepoch", "timediff"]

    /// Set when the statement being prepared calls a date function.
    var callsDateFunction = false

    /// PRAGMAs that only report.
    static let readOnlyPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list", "database_list",
        "function_list", "collation_list", "pragma_list",
    ]

    static let authorize:
        @convention(c) (
            UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?
        ) -> Int32 = { context, action, first, second, schema, _ in
            guard let context else { return SQLITE_DENY }
            let sandbox = Unmanaged<Sandbox>.fromOpaque(context).takeUnretainedValue()
            if sandbox.trusted { return SQLITE_OK }
            let one = first.map { String(cString: $0) }
            let two = second.map { String(cString: $0) }
            switch action {
            case SQLITE_SELECT, SQLITE_RECURSIVE:
                return SQLITE_OK
            case SQLITE_READ:
                if let table = one {
                    let database = schema.map { String(cString: $0) }
                    let name = database == nil || database == "main" || database == "temp" ? table : "\(database ?? "").\(table)"
                    if !sandbox.reads.contains(name) { sandbox.reads.append(name) }
                }
                return SQLITE_OK
            case SQLITE_FUNCTION:
                guard let function = two?.lowercased(), function != "load_extension" else {
                    sandbox.refuse("load_extension()")
                    return SQLITE_DENY
                }
                if Sandbox.changingFunctions.contains(function) {
                    sandbox.refuse("\(function)(), whose result changes from run to run,")
                    return SQLITE_DENY
                }
                if Sandbox.dateFunctions.contains(function) { sandbox.callsDateFunction = true }
                return SQLITE_OK
            case SQLITE_PRAGMA:
                if let name = one?.lowercased(), Sandbox.readOnlyPragmas.contains(name) { return SQLITE_OK }
                sandbox.refuse("PRAGMA \(one ?? "")")
                return SQLITE_DENY
            case SQLITE_ATTACH:
                sandbox.refuse("ATTACH")
                return SQLITE_DENY
            case SQLITE_DETACH:
                sandbox.refuse("DETACH")
                return SQLITE_DENY
            case SQLITE_INSERT where Sandbox.isSchemaTable(one), SQLITE_UPDATE where Sandbox.isSchemaTable(one),
                SQLITE_DELETE where Sandbox.isSchemaTable(one):
                // SQLite's own bookkeeping for a CREATE or DROP, asked about before the statement itself,
                // which is refused next. (A statement that is not read-only never runs: see `QueryEngine`.)
                return SQLITE_OK
            default:
                sandbox.refuse(Sandbox.describe(action, one))
                return SQLITE_DENY
            }
        }

    static let progress: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { context in
        guard let context else { return 1 }
        let sandbox = Unmanaged<Sandbox>.fromOpaque(context).takeUnretainedValue()
        guard let deadline = sandbox.deadline else { return 0 }
        return Date() > deadline ? 1 : 0
    }

    /// A write, by what it would do: "INSERT into t", "CREATE TABLE", "a transaction".
    static func describe(_ action: Int32, _ name: String?) -> String {
        let on = name.map { " \($0)" } ?? ""
        switch action {
        case SQLITE_INSERT: return "INSERT into\(on)"
        case SQLITE_UPDATE: return "UPDATE of\(on)"
        case SQLITE_DELETE: return "DELETE from\(on)"
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_TABLE: return "CREATE TABLE\(on)"
        case SQLITE_CREATE_VIEW, SQLITE_CREATE_TEMP_VIEW: return "CREATE VIEW\(on)"
        case SQLITE_CREATE_INDEX, SQLITE_CREATE_TEMP_INDEX: return "CREATE INDEX\(on)"
        case SQLITE_CREATE_TRIGGER, SQLITE_CREATE_TEMP_TRIGGER: return "CREATE TRIGGER\(on)"
        case SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_TABLE, SQLITE_DROP_VIEW, SQLITE_DROP_TEMP_VIEW, SQLITE_DROP_INDEX,
            SQLITE_DROP_TEMP_INDEX, SQLITE_DROP_TRIGGER, SQLITE_DROP_TEMP_TRIGGER:
            return "DROP\(on)"
        case SQLITE_ALTER_TABLE: return "ALTER TABLE"
        case SQLITE_TRANSACTION, SQLITE_SAVEPOINT: return "a transaction"
        case SQLITE_CREATE_VTABLE, SQLITE_DROP_VTABLE: return "a virtual table"
        default: return "this statement (SQLite action \(action))"
        }
    }
}
