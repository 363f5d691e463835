import CSQLite
import FolioCore
import FolioData
import Synchronization

/// Runs the derived datasets (`NAME.sql`) of a library over one in-memory SQLite database, in
/// the order they read each other (found by running them, never by parsing SQL). A plain dataset
/// becomes a table only when a query reads it.
public enum DerivedDatasets {
    public struct Result: Sendable {
        /// The library with every derived dataset added.
        public var library: DatasetLibrary
        /// Derived dataset → the datasets and databases it read directly, sorted.
        public var reads: [String: [String]]
        /// The engine, for blocks' own queries.
        public var queries: QueryRunner
        /// The derived datasets whose queries ran this time, sorted; the others were reused.
        public var ran: [String] = []
    }

    /// A derived dataset from an earlier build whose inputs have not changed since: it is used as it
    /// is, and its query is not run again.
    public struct Reused: Sendable {
        public var dataset: Dataset
        public var reads: [String]

        public init(dataset: Dataset, reads: [String]) {
            self.dataset = dataset
            self.reads = reads
        }
    }

    public static let rowLimit = 100_000
    public static let databaseLimit = 10

    /// Runs every derived dataset of `library` but those in `reusing`, which must belong to it.
    public static func build(_ library: DatasetLibrary, reusing: [String: Reused] = [:]) throws(Diagnostics) -> Result {
        let runner = QueryRunner(library)
        guard !library.queries.isEmpty else { return Result(library: library, reads: [:], queries: runner) }
        let reusable = reusing.filter { entry in library.queries.contains { $0.name == entry.key } }
        let (derived, reads, ran) = try runner.withEngine { (engine) throws(Diagnostics) -> ([Dataset], [String: [String]], [String]) in
            engine.reuse(reusable)
            var problems = DiagnosticCollector()
            for query in library.queries {
                problems.captureAll { () throws(Diagnostics) in _ = try engine.build(query.name) }
            }
            try problems.throwIfAny()
            return (engine.derived.values.sorted { $0.name < $1.name }, engine.reads, engine.ran.sorted())
        }
        let complete = library.adding(derived)
        let problems = complete.rowSourceProblems(of: derived)
        if !problems.isEmpty { throw Diagnostics(problems) }
        return Result(library: complete, reads: reads, queries: runner, ran: ran)
    }
}

/// The build's SQL engine, shared by the derived datasets and the blocks' own queries: one
/// database, opened when first needed, used by one thread at a time.
public final class QueryRunner: DatasetQuerying {
    private let library: DatasetLibrary
    private let engine = Mutex<QueryEngine?>(nil)

    init(_ library: DatasetLibrary) {
        self.library = library
    }

    func withEngine<Value: Sendable>(_ body: (QueryEngine) throws(Diagnostics) -> Value) throws(Diagnostics) -> Value {
        let library = library
        return try engine.withLock { (engine) throws(Diagnostics) -> Value in
            if engine == nil {
                do throws(SQLiteError) {
                    engine = try QueryEngine(library)
                } catch {
                    let at = SourceLocation(path: library.queries.first?.path ?? "Content/data")
                    throw Diagnostics([Diagnostic(at: at, QueryIssue.failed(error.message))])
                }
                try engine?.attachDatabases()
            }
            guard let ready = engine else { throw Diagnostics([]) }
            return try body(ready)
        }
    }

    public func dataset(forQuery sql: String, at location: SourceLocation) throws(Diagnostics) -> (dataset: Dataset, reads: [String]) {
        let result = try withEngine { (engine) throws(Diagnostics) -> QueryResult in
            var evaluated = try engine.evaluate(sql, text: SQLText(sql, path: location.path, start: location), name: "query", meta: nil)
            evaluated.dataset.derivedFrom = evaluated.reads
            return QueryResult(dataset: evaluated.dataset, reads: evaluated.reads)
        }
        return (result.dataset, result.reads)
    }
}

/// A query's rows and what it read.
struct QueryResult: Sendable {
    var dataset: Dataset
    var reads: [String]
}

/// The database of one build and what has been loaded into it.
final class QueryEngine {
    let database: SQLiteDatabase
    let library: DatasetLibrary
    private(set) var derived: [String: Dataset] = [:]
    private(set) var reads: [String: [String]] = [:]
    /// The derived datasets whose queries ran.
    private(set) var ran: Set<String> = []
    /// Derived datasets whose results are in the database as tables.
    private var tabled: Set<String> = []
    private var loaded: Set<String> = []
    private var building: [String] = []
    private var failed: Set<String> = []
    /// Lowercased name → dataset, derived dataset or database name, as SQLite names are case-insensitive.
    private let names: [String: String]

    init(_ library: DatasetLibrary) throws(SQLiteError) {
        database = try SQLiteDatabase()
        self.library = library
        var names: [String: String] = [:]
        for name in library.names + library.queries.map(\.name) + library.databases.map(\.name) { names[name.lowercased()] = name }
        self.names = names
    }

    func attachDatabases() throws(Diagnostics) {
        var problems = DiagnosticCollector()
        if library.databases.count > DerivedDatasets.databaseLimit, let first = library.databases.first {
            problems.add(
                Diagnostic(at: SourceLocation(path: first.path), QueryIssue.tooManyDatabases(limit: DerivedDatasets.databaseLimit)))
        }
        let datasets = Set((library.names + library.queries.map(\.name)).map { $0.lowercased() })
        for file in library.databases {
            let lowered = file.name.lowercased()
            if lowered == "main" || lowered == "temp" || datasets.contains(lowered) {
                problems.add(Diagnostic(at: SourceLocation(path: file.path), QueryIssue.reservedDatabaseName(file.name)))
                continue
            }
            do {
                try database.attach(file.bytes, as: file.name)
            } catch {
                problems.add(Diagnostic(at: SourceLocation(path: file.path), QueryIssue.unreadableDatabase(error.message)))
            }
        }
        try problems.throwIfAny()
    }

    /// Takes earlier results to use instead of running their queries, with this build's sidecar and path.
    func reuse(_ results: [String: DerivedDatasets.Reused]) {
        for (name, result) in results {
            guard let query = library.queries.first(where: { $0.name == name }) else { continue }
            var dataset = result.dataset
            dataset.meta = query.meta
            dataset.path = query.path
            dataset.derivedFrom = result.reads
            let location = SourceLocation(path: query.path, line: 1, column: 1)
            for index in dataset.rows.indices { dataset.rows[index].location = location }
            derived[name] = dataset
            reads[name] = result.reads
        }
    }

    /// Runs the derived dataset `name` (once), first building or loading what it reads.
    func build(_ name: String) throws(Diagnostics) -> Dataset {
        if let done = derived[name] { return done }
        guard let query = library.queries.first(where: { $0.name == name }) else {
            throw Diagnostics([Diagnostic(at: SourceLocation(path: name), QueryIssue.failed("no derived dataset '\(name)'"))])
        }
        if let start = building.firstIndex(of: name) {
            let cycle = Array(building[start...]) + [name]
            throw Diagnostics([Diagnostic(at: SQLText(query.sql, path: query.path).statementStart, QueryIssue.cycle(cycle))])
        }
        if failed.contains(name) { throw Diagnostics([]) }
        building.append(name)
        defer { building.removeLast() }
        do throws(Diagnostics) {
            let result = try run(query)
            derived[name] = result.dataset
            reads[name] = result.reads
            ran.insert(name)
            tabled.insert(name)
            return result.dataset
        } catch {
            failed.insert(name)
            throw error
        }
    }

    private func run(_ query: DerivedQuery) throws(Diagnostics) -> (dataset: Dataset, reads: [String]) {
        let text = SQLText(query.sql, path: query.path)
        var result = try evaluate(query.sql, text: text, name: query.name, meta: query.meta)
        result.reads = result.reads.filter { $0 != query.name }
        result.dataset.derivedFrom = result.reads
        let unknown = query.meta?.unknownColumns(of: result.dataset) ?? []
        if !unknown.isEmpty { throw Diagnostics(unknown) }
        do {
            try DatasetTable.load(result.dataset, into: database)
        } catch {
            throw Diagnostics([Diagnostic(at: text.statementStart, QueryIssue.failed(error.message))])
        }
        return (result.dataset, result.reads)
    }

    /// Runs one author's SELECT to a dataset called `name`, with the datasets and databases it read.
    func evaluate(_ sql: String, text: SQLText, name: String, meta: DatasetMeta?) throws(Diagnostics) -> (dataset: Dataset, reads: [String])
    {
        let prepared = try prepare(sql, text: text)
        let statement = prepared.statement
        if !SQLText.isBlank(prepared.tail) {
            let offset = sql.utf8.count - prepared.tail.utf8.count
            throw Diagnostics([Diagnostic(at: text.location(ofByte: offset), QueryIssue.notOneStatement)])
        }
        guard statement.columnCount > 0, statement.isReadOnly else {
            throw Diagnostics([Diagnostic(at: text.statementStart, QueryIssue.notASelect)])
        }
        let dataset: Dataset
        do throws(Diagnostic) {
            dataset = try ResultReader.read(statement, name: name, meta: meta, path: text.path, engine: self, text: text)
        } catch {
            throw Diagnostics([error])
        }
        let direct = prepared.reads.compactMap { read -> String? in
            let table = read.split(separator: ".").first.map(String.init) ?? read
            return names[table.lowercased()]
        }
        return (dataset, Array(Set(direct)).sorted())
    }

    /// Prepares `sql` under the sandbox; a table it names that is a dataset not yet in the
    /// database is loaded (or built, for a derived one) and the statement prepared again.
    private func prepare(_ sql: String, text: SQLText) throws(Diagnostics) -> (statement: SQLiteStatement, tail: String, reads: [String]) {
        while true {
            do {
                return try database.prepareSandboxed(sql)
            } catch {
                if let table = SQLiteMessage.unknownTable(error.message), let name = names[table.lowercased()], !loaded.contains(name) {
                    loaded.insert(name)
                    if library.queries.contains(where: { $0.name == name }) {
                        let dataset = try build(name)
                        if !tabled.contains(name) {
                            // Reused from an earlier build: its rows become a table only now that a query reads them.
                            do {
                                try DatasetTable.load(dataset, into: database)
                            } catch {
                                throw Diagnostics([Diagnostic(at: SourceLocation(path: dataset.path), QueryIssue.failed(error.message))])
                            }
                            tabled.insert(name)
                        }
                        continue
                    }
                    if let dataset = library[name] {
                        do {
                            try DatasetTable.load(dataset, into: database)
                        } catch {
                            throw Diagnostics([Diagnostic(at: SourceLocation(path: dataset.path), QueryIssue.failed(error.message))])
                        }
                        continue
                    }
                }
                throw Diagnostics([locate(error, in: text)])
            }
        }
    }

    /// The located error for what SQLite said.
    func locate(_ error: SQLiteError, in text: SQLText) -> Diagnostic {
        let at = error.offset.map(text.location(ofByte:))
        switch error.code & 0xFF {
        case SQLITE_AUTH: return Diagnostic(at: at ?? text.statementStart, QueryIssue.refused(error.refused ?? "this statement"))
        case SQLITE_INTERRUPT: return Diagnostic(at: text.statementStart, QueryIssue.timeLimit(seconds: Int(SQLiteDatabase.timeLimit)))
        case SQLITE_NOMEM:
            return Diagnostic(at: text.statementStart, QueryIssue.memoryLimit(mebibytes: Int(SQLiteDatabase.heapLimit >> 20)))
        default: break
        }
        if let table = SQLiteMessage.unknownTable(error.message) {
            let tables = library.databases.flatMap { file in database.tables(in: file.name).map { "\(file.name).\($0)" } }
            let known = (library.names + library.queries.map(\.name) + tables).sorted()
            return Diagnostic(at: at ?? text.firstUse(of: table), QueryIssue.unknownTable(table, known: known))
        }
        if let column = SQLiteMessage.unknownColumn(error.message) {
            let bare = column.split(separator: ".").last.map(String.init) ?? column
            return Diagnostic(
                at: at ?? text.firstUse(of: bare), QueryIssue.unknownColumn(column, known: knownColumns(for: column, in: text)))
        }
        if error.refused != nil { return Diagnostic(at: at ?? text.statementStart, QueryIssue.refused(error.refused ?? "")) }
        return Diagnostic(at: at ?? text.statementStart, at == nil ? QueryIssue.failed(error.message) : QueryIssue.syntax(error.message))
    }

    /// The columns a missing column could have meant: its table's when it names one, else those
    /// of every loaded dataset the query names.
    private func knownColumns(for column: String, in text: SQLText) -> [String] {
        let parts = column.split(separator: ".").map(String.init)
        let tables: [String]
        if parts.count > 1, let table = names[parts[parts.count - 2].lowercased()] {
            tables = [table]
        } else {
            tables = (library.names + library.queries.map(\.name)).filter { text.mentions($0) }
        }
        return tables.flatMap { table in columns(of: table).map { tables.count > 1 ? "\(table).\($0)" : $0 } }
    }

    func columns(of dataset: String) -> [String] {
        (derived[dataset] ?? library[dataset])?.columns.map(\.name) ?? []
    }

    /// The column `column` of `table` (a dataset), for units and labels.
    func sourceColumn(table: String, column: String) -> DatasetColumn? {
        guard let name = names[table.lowercased()], let dataset = derived[name] ?? library[name] else { return nil }
        return dataset.columns.first { $0.name.lowercased() == column.lowercased() }
    }
}

/// Reading SQLite's messages for the names it could not find.
enum SQLiteMessage {
    static func unknownTable(_ message: String) -> String? { after("no such table: ", in: message) }
    static func unknownColumn(_ message: String) -> String? { after("no such column: ", in: message) }

    private static func after(_ prefix: String, in message: String) -> String? {
        guard message.hasPrefix(prefix) else { return nil }
        var name = String(message.dropFirst(prefix.count))
        if name.hasPrefix("main.") || name.hasPrefix("temp.") { name = String(name.drop { $0 != "." }.dropFirst()) }
        return name
    }
}
