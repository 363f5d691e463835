import FolioCore
import FolioYAML

/// The file formats a dataset can be written in.
public enum DatasetFormat: String, CaseIterable, Sendable {
    case csv
    case json
    case yaml

    /// The format a file extension names (`yml` is YAML).
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        case "yaml", "yml": self = .yaml
        default: return nil
        }
    }
}

/// Reads one dataset from its bytes, in memory; the file system is `DatasetLibrary+FileSystem`'s job.
public enum DatasetReader {
    /// `path` is project-relative and used in every diagnostic; `meta` supplies units and the source line.
    public static func read(
        _ bytes: [UInt8], format: DatasetFormat, name: String, path: String, meta: DatasetMeta? = nil
    ) throws(Diagnostic) -> Dataset {
        let table: RecordTable
        switch format {
        case .csv:
            table = try CSVReader.read(bytes, path: path)
        case .json:
            table = try RecordTable(json: try JSONParser.parse(bytes, path: path))
        case .yaml:
            let file = TextBytes(bytes, path: path)
            try file.validate()
            table = try RecordTable(yaml: try YAMLReader.read(file.text, path: path), path: path)
        }
        return table.dataset(name: name, path: path, meta: meta)
    }

    /// Checks a data file as `read` does. A CSV file whose sidecar names no sources per row is
    /// parsed only when first read; the others are parsed now.
    static func check(
        _ bytes: [UInt8], format: DatasetFormat, name: String, path: String, meta: DatasetMeta?
    ) throws(Diagnostic) -> StoredDataset {
        guard format == .csv, meta?.rowSources == nil else {
            return StoredDataset(try read(bytes, format: format, name: name, path: path, meta: meta))
        }
        let shape = try CSVReader.scan(bytes, path: path)
        let columns = RecordTable.columns(shape.header, numeric: shape.numeric, meta: meta)
        return StoredDataset(columns: columns) {
            let rows = CSVReader.rows(bytes, path: path, shape: shape) ?? []
            return Dataset(name: name, columns: columns, rows: rows, meta: meta, path: path)
        }
    }

    /// A dataset and sidecar a previous build by this same folio read without a problem, byte for
    /// byte: nothing is parsed until something reads it. Parsing them again cannot fail, so a
    /// failure (which would be a bug) gives an empty dataset rather than a crash.
    static func trusted(
        _ bytes: [UInt8], format: DatasetFormat, name: String, path: String, meta metaFile: (bytes: [UInt8], path: String)?
    ) -> StoredDataset {
        StoredDataset(columns: nil) {
            let meta = metaFile.flatMap { try? readMeta($0.bytes, path: $0.path) }
            return (try? read(bytes, format: format, name: name, path: path, meta: meta))
                ?? Dataset(name: name, columns: [], rows: [], path: path)
        }
    }

    /// Whether a sidecar may name row sources (`source_column:`), whose check reads other datasets.
    static func mayNameRowSources(_ metaBytes: [UInt8]) -> Bool {
        ByteSearch.contains("source_column".utf8, in: metaBytes)
    }

    /// Reads `NAME.meta.yml` from its bytes, reporting every problem in it.
    public static func readMeta(_ bytes: [UInt8], path: String) throws(Diagnostics) -> DatasetMeta {
        let file = TextBytes(bytes, path: path)
        do {
            try file.validate()
        } catch {
            throw Diagnostics([error])
        }
        return try DatasetMeta(yamlText: file.text, path: path)
    }
}
