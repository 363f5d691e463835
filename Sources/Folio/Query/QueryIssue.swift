import FolioCore

/// Everything the Query stage can say is wrong with a derived dataset or a database.
public enum QueryIssue: DiagnosticReason, Equatable {
    case syntax(String)
    case unknownTable(String, known: [String])
    case unknownColumn(String, known: [String])
    case refused(String)
    case timeLimit(seconds: Int)
    case memoryLimit(mebibytes: Int)
    case rowLimit(Int)
    case cycle([String])
    case notOneStatement
    case notASelect
    case unnamedColumn(index: Int, written: String)
    case repeatedColumn(String)
    case blobValue(column: String)
    case notFinite(column: String)
    case tooManyDatabases(limit: Int)
    case reservedDatabaseName(String)
    case unreadableDatabase(String)
    case failed(String)

    public var message: String {
        switch self {
        case .syntax(let problem): "SQL: \(problem); expected one SQLite SELECT"
        case .unknownTable(let name, let known):
            "SQL: no dataset or table '\(name)'; expected one of \(known.isEmpty ? "(none)" : known.joined(separator: ", "))"
        case .unknownColumn(let name, let known):
            "SQL: no column '\(name)'; expected one of \(known.isEmpty ? "(none)" : known.joined(separator: ", "))"
        case .refused(let what): "SQL: \(what) is refused; expected a query that only reads"
        case .timeLimit(let seconds):
            "SQL: the query ran past \(seconds) s; expected a query that finishes (check for a recursion that never ends)"
        case .memoryLimit(let mebibytes): "SQL: the query used more than \(mebibytes) MiB; expected a smaller result or fewer joined rows"
        case .rowLimit(let limit): "SQL: the query returned more than \(limit) rows; expected at most \(limit) (aggregate, or add WHERE)"
        case .cycle(let names): "SQL: derived datasets read each other in a cycle: \(names.joined(separator: " → ")); expected no cycle"
        case .notOneStatement: "SQL: text after the first statement; expected one statement"
        case .notASelect: "SQL: the statement is not a query; expected one SELECT (or WITH … SELECT)"
        case .unnamedColumn(let index, let written):
            "SQL: result column \(index) ('\(written)') has no name; expected '… AS name'"
        case .repeatedColumn(let name): "SQL: result column '\(name)' named twice (ignoring case); expected each name once"
        case .blobValue(let column): "SQL: column '\(column)' holds a BLOB; expected numbers or text"
        case .notFinite(let column): "SQL: column '\(column)' holds an infinite or NaN value; expected finite numbers"
        case .tooManyDatabases(let limit): "data: more than \(limit) database files; expected at most \(limit)"
        case .reservedDatabaseName(let name): "data: a database named '\(name)'; expected a name other than main, temp or a dataset's"
        case .unreadableDatabase(let problem): "data: not an SQLite database (\(problem)); expected a file SQLite can open"
        case .failed(let problem): "SQL: \(problem)"
        }
    }
}
