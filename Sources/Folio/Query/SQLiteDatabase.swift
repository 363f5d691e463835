import CSQLite
import FolioCore
import FolioData
import Foundation

/// An error SQLite reported: its code, message and, where it knows one, the UTF-8 byte offset
/// into the statement's text.
struct SQLiteError: Error {
    var code: Int32
    var message: String
    var offset: Int?
    /// What the sandbox refused, when the authorizer said no.
    var refused: String?
}

/// One in-memory SQLite database for one build: folio's own statements run trusted; an author's
/// query runs under the sandbox (an authorizer that only lets it read, a time limit, a heap limit).
final class SQLiteDatabase {
    static let timeLimit: TimeInterval = 4
    static let heapLimit: Int64 = 256 << 20

    private let handle: OpaquePointer
    private let sandbox = Sandbox()

    init() throws(SQLiteError) {
        var db: OpaquePointer?
        let status = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let db else {
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: status, message: "cannot open an in-memory database")
        }
        handle = db
        _ = sqlite3_hard_heap_limit64(Self.heapLimit)
        sqlite3_extended_result_codes(db, 1)
        let context = Unmanaged.passUnretained(sandbox).toOpaque()
        sqlite3_set_authorizer(db, Sandbox.authorize, context)
        sqlite3_progress_handler(db, 1000, Sandbox.progress, context)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs folio's own `sql` (no sandbox), binding `values` in order.
    func executeTrusted(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) {
        sandbox.trusted = true
        defer { sandbox.trusted = false }
        let statement = try prepare(sql)
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Runs folio's own `sql` once for each list of values, prepared once (a table's rows).
    func executeTrusted(_ sql: String, forEach rows: some Sequence<[SQLiteValue]>) throws(SQLiteError) {
        sandbox.trusted = true
        defer { sandbox.trusted = false }
        let statement = try prepare(sql)
        for values in rows {
            try statement.bind(values)
            while try statement.step() {}
        }
    }

    /// Prepares an author's statement under the sandbox, recording the tables it reads.
    func prepareSandboxed(_ sql: String) throws(SQLiteError) -> (statement: SQLiteStatement, tail: String, reads: [String]) {
        sandbox.reads = []
        sandbox.refusal = nil
        sandbox.callsDateFunction = false
        var tail: UnsafePointer<CChar>?
        var raw: OpaquePointer?
        let (status, rest): (Int32, String) = sql.withCString { text in
            let status = sqlite3_prepare_v3(handle, text, -1, 0, &raw, &tail)
            return (status, tail.map { String(cString: $0) } ?? "")
        }
        guard status == SQLITE_OK, let raw else {
            throw error(status)
        }
        let statement = SQLiteStatement(raw, database: self)
        if sandbox.callsDateFunction, let offset = Self.clockReading(in: String(sql.utf8.dropLast(rest.utf8.count)) ?? sql) {
            throw SQLiteError(code: SQLITE_AUTH, message: "not authorized", offset: offset, refused: "reading the clock ('now'),")
        }
        return (statement, rest, sandbox.reads)
    }

    /// The UTF-8 offset of `'now'`, or of a date function called without a date, in a statement that
    /// calls a date function: its result would change from run to run. Nil when there is none.
    static func clockReading(in sql: String) -> Int? {
        let pattern = #"'\s*now\s*'|\b(date|time|datetime|julianday|unixepoch|strftime)\s*\(\s*\)|\bstrftime\s*\(\s*'[^']*'\s*\)"#
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
            let match = expression.firstMatch(in: sql, range: NSRange(sql.startIndex..., in: sql)),
            let range = Range(match.range, in: sql)
        else { return nil }
        return sql[..<range.lowerBound].utf8.count
    }

    /// Starts the time limit for the statement about to run.
    func startClock() { sandbox.deadline = Date().addingTimeInterval(Self.timeLimit) }

    func stopClock() { sandbox.deadline = nil }

    /// Attaches `bytes` (an SQLite database file) read-only as schema `name`.
    func attach(_ bytes: [UInt8], as name: String) throws(SQLiteError) {
        try executeTrusted("ATTACH DATABASE ':memory:' AS \(SQLSyntax.quoted(name))")
        guard let buffer = sqlite3_malloc64(sqlite3_uint64(max(bytes.count, 1))) else {
            throw SQLiteError(code: SQLITE_NOMEM, message: "out of memory")
        }
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.copyMemory(from: base, byteCount: bytes.count) }
        }
        let flags = UInt32(SQLITE_DESERIALIZE_READONLY | SQLITE_DESERIALIZE_FREEONCLOSE)
        // sqlite3_deserialize runs an ATTACH of its own.
        sandbox.trusted = true
        defer { sandbox.trusted = false }
        let status = name.withCString {
            sqlite3_deserialize(
                handle, $0, buffer.assumingMemoryBound(to: UInt8.self), sqlite3_int64(bytes.count), sqlite3_int64(bytes.count), flags)
        }
        guard status == SQLITE_OK else { throw error(status) }
        // Reading the schema proves the bytes are a database.
        let check = try prepare("SELECT count(*) FROM \(SQLSyntax.quoted(name)).sqlite_schema")
        _ = try check.step()
    }

    /// Tables and views of an attached database, for messages.
    func tables(in schema: String) -> [String] {
        sandbox.trusted = true
        defer { sandbox.trusted = false }
        guard
            let statement = try? prepare(
                "SELECT name FROM \(SQLSyntax.quoted(schema)).sqlite_schema WHERE type IN ('table', 'view') ORDER BY name")
        else { return [] }
        var names: [String] = []
        while (try? statement.step()) == true { if case .text(let name) = statement.value(0) { names.append(name) } }
        return names
    }

    fileprivate func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var raw: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, 0, &raw, nil)
        guard status == SQLITE_OK, let raw else { throw error(status) }
        return SQLiteStatement(raw, database: self)
    }

    /// The error for `status`, with SQLite's message, offset and the sandbox's refusal.
    func error(_ status: Int32) -> SQLiteError {
        let offset = Int(sqlite3_error_offset(handle))
        let message = String(cString: sqlite3_errmsg(handle))
        return SQLiteError(code: status, message: message, offset: offset >= 0 ? offset : nil, refused: sandbox.refusal)
    }
}

/// A value bound into or read out of a statement.
enum SQLiteValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob
}

/// A prepared statement; finalized with it.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase

    fileprivate init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    var columnCount: Int { Int(sqlite3_column_count(handle)) }

    func columnName(_ index: Int) -> String { sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? "" }

    /// The table and column a result column comes straight from, when it does.
    func origin(_ index: Int) -> (table: String, column: String)? {
        guard let table = sqlite3_column_table_name(handle, Int32(index)), let column = sqlite3_column_origin_name(handle, Int32(index))
        else { return nil }
        return (String(cString: table), String(cString: column))
    }

    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null, .blob: status = sqlite3_bind_null(handle, index)
            case .integer(let number): status = sqlite3_bind_int64(handle, index, number)
            case .real(let number): status = sqlite3_bind_double(handle, index, number)
            case .text(let text): status = sqlite3_bind_text(handle, index, text, -1, transient)
            }
            guard status == SQLITE_OK else { throw database.error(status) }
        }
    }

    /// Advances to the next row: true when there is one.
    func step() throws(SQLiteError) -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE:
            sqlite3_reset(handle)
            return false
        default: throw database.error(status)
        }
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func value(_ index: Int) -> SQLiteValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT: return .text(sqlite3_column_text(handle, column).map { String(cString: $0) } ?? "")
        case SQLITE_BLOB: return .blob
        default: return .null
        }
    }
}
