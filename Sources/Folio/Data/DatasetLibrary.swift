import FolioCore

/// One file of the data folder, read into memory.
public struct DatasetFile: Sendable {
    /// The file name inside the data folder, e.g. `x.csv` or `x.meta.yml`.
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// A derived dataset as written: `NAME.sql` and its optional sidecar, not yet run.
public struct DerivedQuery: Sendable, Equatable {
    public var name: String
    public var sql: String
    /// Project-relative path of the `.sql` file.
    public var path: String
    public var meta: DatasetMeta?
}

/// An SQLite database of the data folder (`NAME.sqlite|db`), which queries read as `NAME.TABLE`.
public struct DatabaseFile: Sendable {
    public var name: String
    public var bytes: [UInt8]
    public var path: String
}

/// Every dataset of `Content/data/`, by name: `NAME.csv|json|yaml` plus an optional `NAME.meta.yml`;
/// and the derived datasets (`NAME.sql`) and databases still to be run by the Query stage.
public struct DatasetLibrary: Sendable {
    private let stored: [String: StoredDataset]
    /// Derived datasets not yet run, by name order.
    public let queries: [DerivedQuery]
    /// Databases, by name order.
    public let databases: [DatabaseFile]

    public init(datasets: [Dataset], queries: [DerivedQuery] = [], databases: [DatabaseFile] = []) {
        self.init(stored: Dictionary(datasets.map { ($0.name, StoredDataset($0)) }) { first, _ in first }, queries, databases)
    }

    private init(stored: [String: StoredDataset], _ queries: [DerivedQuery], _ databases: [DatabaseFile]) {
        self.stored = stored
        self.queries = queries
        self.databases = databases
    }

    /// Dataset names, sorted.
    public var names: [String] { stored.keys.sorted() }

    /// The dataset called `name`, parsed now if this is its first read.
    public subscript(name: String) -> Dataset? { stored[name]?.dataset }

    /// Whether the dataset's rows have been parsed: a CSV file waits for its first read.
    public func isParsed(_ name: String) -> Bool { stored[name]?.isParsed ?? false }

    /// Reads every file (in name order, whatever order they come in); `basePath` is the folder's
    /// project-relative path used in diagnostics, e.g. `Content/data`. Throws all errors at once.
    /// `trusted`: datasets whose files a previous build by this folio read without a problem, unchanged
    /// since; they are read when first used instead of now (a sidecar naming row sources is checked again).
    public init(files: [DatasetFile], basePath: String, trusted: Set<String> = []) throws(Diagnostics) {
        var collector = DiagnosticCollector()
        var dataFiles: [String: (file: DatasetFile, format: DatasetFormat)] = [:]
        var metaFiles: [String: DatasetFile] = [:]
        var queryFiles: [String: DatasetFile] = [:]
        var databaseFiles: [String: DatasetFile] = [:]
        func place(_ file: DatasetFile) -> SourceLocation { SourceLocation(path: "\(basePath)/\(file.name)") }

        for file in files.sorted(by: { $0.name < $1.name }) where !file.name.hasPrefix(".") {
            guard let fileName = DatasetFileName(file.name) else {
                collector.add(Diagnostic(at: place(file), DataIssue.unsupportedFile(file.name)))
                continue
            }
            let name = fileName.dataset
            let other = dataFiles[name]?.file ?? queryFiles[name] ?? databaseFiles[name]
            if fileName.kind != .meta, let other {
                collector.add(Diagnostic(at: place(file), DataIssue.duplicateDataset(name, other: "\(basePath)/\(other.name)")))
                continue
            }
            switch fileName.kind {
            case .data(let format): dataFiles[name] = (file, format)
            case .query: queryFiles[name] = file
            case .database: databaseFiles[name] = file
            case .meta: break
            }
            if !Self.isPlainName(name) {
                collector.add(Diagnostic(at: place(file), DataIssue.badDatasetName(name)))
                dataFiles[name] = nil
                queryFiles[name] = nil
                databaseFiles[name] = nil
                continue
            }
            if fileName.kind == .meta { metaFiles[name] = file }
        }

        for (name, meta) in metaFiles.sorted(by: { $0.key < $1.key }) where dataFiles[name] == nil && queryFiles[name] == nil {
            collector.add(Diagnostic(at: place(meta), DataIssue.metaWithoutDataset(name)))
        }

        var stored: [String: StoredDataset] = [:]
        var parsed: [Dataset] = []
        for (name, entry) in dataFiles.sorted(by: { $0.key < $1.key }) {
            if trusted.contains(name), !(metaFiles[name].map { DatasetReader.mayNameRowSources($0.bytes) } ?? false) {
                stored[name] = DatasetReader.trusted(
                    entry.file.bytes, format: entry.format, name: name, path: place(entry.file).path,
                    meta: metaFiles[name].map { ($0.bytes, place($0).path) })
                continue
            }
            var meta: DatasetMeta?
            if let metaFile = metaFiles[name] {
                meta = collector.captureAll { () throws(Diagnostics) in
                    try DatasetReader.readMeta(metaFile.bytes, path: place(metaFile).path)
                }
            }
            let path = place(entry.file).path
            guard
                let dataset = collector.capture({ () throws(Diagnostic) in
                    try DatasetReader.check(entry.file.bytes, format: entry.format, name: name, path: path, meta: meta)
                })
            else { continue }
            collector.add(contentsOf: meta?.unknownColumns(of: Dataset(name: name, columns: dataset.columns, rows: [], path: path)) ?? [])
            stored[name] = dataset
            if dataset.isParsed { parsed.append(dataset.dataset) }
        }
        var queries: [DerivedQuery] = []
        for (name, file) in queryFiles.sorted(by: { $0.key < $1.key }) {
            let path = place(file).path
            let bytes = TextBytes(file.bytes, path: path)
            guard collector.capture({ () throws(Diagnostic) in try bytes.validate() }) != nil else { continue }
            let text = bytes.text
            var meta: DatasetMeta?
            if let metaFile = metaFiles[name] {
                meta = collector.captureAll { () throws(Diagnostics) in
                    try DatasetReader.readMeta(metaFile.bytes, path: place(metaFile).path)
                }
            }
            queries.append(DerivedQuery(name: name, sql: text, path: path, meta: meta))
        }
        let databases = databaseFiles.sorted { $0.key < $1.key }.map {
            DatabaseFile(name: $0.key, bytes: $0.value.bytes, path: place($0.value).path)
        }
        self.init(stored: stored, queries, databases)
        collector.add(contentsOf: rowSourceProblems(of: parsed))
        try collector.throwIfAny()
    }

    /// The same library with `derived` datasets added (the Query stage's results).
    public func adding(_ derived: [Dataset]) -> DatasetLibrary {
        var all = stored
        for dataset in derived where all[dataset.name] == nil { all[dataset.name] = StoredDataset(dataset) }
        return DatasetLibrary(stored: all, queries, databases)
    }

    /// Letters, digits, `_` and `-` (not first): a name `data:` and `=NAME.column` can refer to (no folders,
    /// no extension, no escapes).
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("-")
            && name.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
    }
}
