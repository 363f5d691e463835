/// What a file of the data folder is, read from its name: `NAME.csv|json|yaml|yml` is a dataset,
/// `NAME.sql` a derived dataset, `NAME.sqlite|db` a database queries read, `NAME.meta.yml` describes a dataset. The one rule for a dataset's name, used by the library and by
/// the incremental build's hashes.
public struct DatasetFileName: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case data(DatasetFormat)
        /// One SQLite `SELECT` whose result is the dataset.
        case query
        /// An SQLite database, opened read-only; not itself a dataset.
        case database
        case meta
    }

    /// The name before the extension (everything before the last `.`, or before `.meta.yml`);
    /// it may still not be a plain name (see `DatasetLibrary.isPlainName`).
    public var dataset: String
    public var kind: Kind

    /// Nil for a file that is neither a dataset nor a meta file.
    public init?(_ fileName: String) {
        if fileName.hasSuffix(".meta.yml") {
            dataset = String(fileName.dropLast(".meta.yml".count))
            kind = .meta
        } else if let dot = fileName.lastIndex(of: ".") {
            let fileExtension = fileName[fileName.index(after: dot)...].lowercased()
            dataset = String(fileName[..<dot])
            if let format = DatasetFormat(fileExtension: fileExtension) {
                kind = .data(format)
            } else if fileExtension == "sql" {
                kind = .query
            } else if fileExtension == "sqlite" || fileExtension == "db" {
                kind = .database
            } else {
                return nil
            }
        } else {
            return nil
        }
    }
}
