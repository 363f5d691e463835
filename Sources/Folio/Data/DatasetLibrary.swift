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

/// Every dataset of `Content/data/`, by name: `NAME.csv|json|yaml` plus an optional `NAME.meta.yml`.
public struct DatasetLibrary: Sendable {
    public let datasets: [String: Dataset]

    public init(datasets: [Dataset]) {
        self.datasets = Dictionary(datasets.map { ($0.name, $0) }) { first, _ in first }
    }

    /// Dataset names, sorted.
    public var names: [String] { datasets.keys.sorted() }

    public subscript(name: String) -> Dataset? { datasets[name] }

    /// Reads every file (in name order, whatever order they come in); `basePath` is the folder's
    /// project-relative path used in diagnostics, e.g. `Content/data`. Throws all errors at once.
    public init(files: [DatasetFile], basePath: String) throws(Diagnostics) {
        var collector = DiagnosticCollector()
        var dataFiles: [String: (file: DatasetFile, format: DatasetFormat)] = [:]
        var metaFiles: [String: DatasetFile] = [:]
        func place(_ file: DatasetFile) -> SourceLocation { SourceLocation(path: "\(basePath)/\(file.name)") }

        for file in files.sorted(by: { $0.name < $1.name }) where !file.name.hasPrefix(".") {
            guard let fileName = DatasetFileName(file.name) else {
                collector.add(Diagnostic(at: place(file), DataIssue.unsupportedFile(file.name)))
                continue
            }
            let name = fileName.dataset
            if case .data(let format) = fileName.kind {
                if let other = dataFiles[name] {
                    collector.add(Diagnostic(at: place(file), DataIssue.duplicateDataset(name, other: "\(basePath)/\(other.file.name)")))
                    continue
                }
                dataFiles[name] = (file, format)
            }
            if !Self.isPlainName(name) {
                collector.add(Diagnostic(at: place(file), DataIssue.badDatasetName(name)))
                dataFiles[name] = nil
                continue
            }
            if fileName.kind == .meta { metaFiles[name] = file }
        }

        for (name, meta) in metaFiles.sorted(by: { $0.key < $1.key }) where dataFiles[name] == nil {
            collector.add(Diagnostic(at: place(meta), DataIssue.metaWithoutDataset(name)))
        }

        var datasets: [Dataset] = []
        for (name, entry) in dataFiles.sorted(by: { $0.key < $1.key }) {
            var meta: DatasetMeta?
            if let metaFile = metaFiles[name] {
                meta = collector.captureAll { () throws(Diagnostics) in
                    try DatasetReader.readMeta(metaFile.bytes, path: place(metaFile).path)
                }
            }
            let path = place(entry.file).path
            guard
                let dataset = collector.capture({ () throws(Diagnostic) in
                    try DatasetReader.read(entry.file.bytes, format: entry.format, name: name, path: path, meta: meta)
                })
            else { continue }
            collector.add(contentsOf: meta?.unknownColumns(of: dataset) ?? [])
            datasets.append(dataset)
        }
        try collector.throwIfAny()
        self.init(datasets: datasets)
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
